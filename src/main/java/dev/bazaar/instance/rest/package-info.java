/** The service instance and binding JSON API. */
@NullMarked
package dev.bazaar.instance.rest;

import org.jspecify.annotations.NullMarked;
