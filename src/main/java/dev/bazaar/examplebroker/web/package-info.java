/** The example broker's dashboard page, the {@code dashboard_url} of its instances. */
@NullMarked
package dev.bazaar.examplebroker.web;

import org.jspecify.annotations.NullMarked;
