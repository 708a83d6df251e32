/** The marketplace JSON API. */
@NullMarked
package dev.bazaar.marketplace.rest;

import org.jspecify.annotations.NullMarked;
