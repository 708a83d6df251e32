/**
 * The one HTTP client Bazaar uses to call brokers: OSB headers, Basic auth, timeouts, TLS
 * per broker, a cap on response size; every exchange is recorded as a communication log.
 */
@NullMarked
package dev.bazaar.osbclient;

import org.jspecify.annotations.NullMarked;
