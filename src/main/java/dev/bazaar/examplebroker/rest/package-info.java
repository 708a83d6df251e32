/**
 * The example broker's Open Service Broker API endpoints under
 * {@code /example-broker/v2}.
 */
@NullMarked
package dev.bazaar.examplebroker.rest;

import org.jspecify.annotations.NullMarked;
