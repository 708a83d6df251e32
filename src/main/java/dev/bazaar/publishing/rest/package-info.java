/** The publishing and approval JSON API. */
@NullMarked
package dev.bazaar.publishing.rest;

import org.jspecify.annotations.NullMarked;
