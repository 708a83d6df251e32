/** The service broker JSON API. */
@NullMarked
package dev.bazaar.broker.rest;

import org.jspecify.annotations.NullMarked;
