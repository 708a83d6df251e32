/** The JSON API to search and read communication logs. */
@NullMarked
package dev.bazaar.commlog.rest;

import org.jspecify.annotations.NullMarked;
