@NullMarked
package dev.bazaar.analytics.internal;

import org.jspecify.annotations.NullMarked;
