/** Persistence and the refresh schedule of publications. */
@NullMarked
package dev.bazaar.publishing.internal;

import org.jspecify.annotations.NullMarked;
