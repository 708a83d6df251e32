package dev.bazaar.instance;

import org.jspecify.annotations.Nullable;

/**
 * A failed instance of one of a customer's brokers, whoever consumes it.
 *
 * @param instance the instance
 * @param brokerIdentifier its broker
 * @param planName its plan's name, if the catalog still knows it
 * @param consumerCustomer the identifier of the customer that consumes it
 */
public record FailedInstance(ServiceInstance instance, String brokerIdentifier, @Nullable String planName,
		String consumerCustomer) {
}
