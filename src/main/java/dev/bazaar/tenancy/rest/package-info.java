/** The tenancy JSON API. */
@NullMarked
package dev.bazaar.tenancy.rest;

import org.jspecify.annotations.NullMarked;
