/** The catalog module's internals: validation rules, JSON handling and storage. */
@NullMarked
package dev.bazaar.catalog.internal;

import org.jspecify.annotations.NullMarked;
