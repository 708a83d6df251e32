/** Storage and capture of audit events. */
@NullMarked
package dev.bazaar.audit.internal;

import org.jspecify.annotations.NullMarked;
