/** The example broker's catalog, instances, bindings, persistence and security. */
@NullMarked
package dev.bazaar.examplebroker.internal;

import org.jspecify.annotations.NullMarked;
