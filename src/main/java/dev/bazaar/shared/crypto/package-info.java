/** Encryption of secrets at rest. */
@NullMarked
package dev.bazaar.shared.crypto;

import org.jspecify.annotations.NullMarked;
