/** Persistence, catalog fetching and the refresh schedule of the broker module. */
@NullMarked
package dev.bazaar.broker.internal;

import org.jspecify.annotations.NullMarked;
