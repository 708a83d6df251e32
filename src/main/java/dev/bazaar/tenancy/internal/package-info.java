/** Persistence, security and start-up of the tenancy module. */
@NullMarked
package dev.bazaar.tenancy.internal;

import org.jspecify.annotations.NullMarked;
