package dev.bazaar.instance;

import org.jspecify.annotations.Nullable;

/**
 * An instance with the names people read: its customer, project, broker, service and
 * plan.
 *
 * @param instance the instance
 * @param customer the consuming customer's identifier
 * @param project the consuming project's identifier
 * @param brokerIdentifier the providing broker's identifier
 * @param serviceName the service's name, if the catalog knows it
 * @param planName the plan's name, if the catalog knows it
 * @param instancesRetrievable whether the broker lets Bazaar fetch the instance
 * @param callsReadable whether the current user may read the broker's communication logs
 * (its owner's customer admins and partner admins)
 */
public record InstanceView(ServiceInstance instance, String customer, String project, String brokerIdentifier,
		@Nullable String serviceName, @Nullable String planName, boolean instancesRetrievable, boolean callsReadable) {
}
