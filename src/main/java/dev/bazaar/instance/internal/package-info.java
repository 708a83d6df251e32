/**
 * How the instance module talks to brokers, stores instances and runs its background
 * work.
 */
@NullMarked
package dev.bazaar.instance.internal;

import org.jspecify.annotations.NullMarked;
