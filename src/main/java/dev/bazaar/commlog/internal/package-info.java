/** Storage of communication logs. */
@NullMarked
package dev.bazaar.commlog.internal;

import org.jspecify.annotations.NullMarked;
