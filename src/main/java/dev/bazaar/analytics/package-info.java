/**
 * Usage and error figures for broker owners: calls, errors and latency from the
 * communication logs, instances by plan, status and consumer, per broker and deployment
 * over a period.
 */
@NullMarked
package dev.bazaar.analytics;

import org.jspecify.annotations.NullMarked;
