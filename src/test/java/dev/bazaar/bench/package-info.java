/**
 * Benchmarks of Bazaar at its real work, each measured side by side with a floor: a
 * minimal program doing the same essential work in the same run. Run with
 * {@code ./mvnw -Pbench verify}; the results go to {@code docs/benchmarks.md}.
 */
@NullMarked
package dev.bazaar.bench;

import org.jspecify.annotations.NullMarked;
