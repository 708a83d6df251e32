package dev.bazaar.instance;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A service instance a project ordered. Its id is the instance id sent to the broker.
 *
 * @param id the instance id
 * @param displayName what users call it
 * @param customerId the consuming customer
 * @param projectId the consuming project
 * @param marketplace the marketplace it was ordered from
 * @param brokerId the broker that provides it
 * @param deployment the broker deployment called ({@code private} or a location)
 * @param serviceId the service offering id
 * @param planId the plan id
 * @param parameters the parameters set so far, as a JSON object, or null
 * @param status how its last operation stands
 * @param lastOperation the last operation
 * @param dashboardUrl the broker's dashboard URL, or null
 * @param createdAt when it was ordered
 */
public record ServiceInstance(UUID id, String displayName, UUID customerId, UUID projectId, String marketplace,
		UUID brokerId, String deployment, String serviceId, String planId, @Nullable String parameters,
		OperationState status, LastOperation lastOperation, @Nullable String dashboardUrl, Instant createdAt) {

	public ServiceInstance withLastOperation(LastOperation operation) {
		return new ServiceInstance(this.id, this.displayName, this.customerId, this.projectId, this.marketplace,
				this.brokerId, this.deployment, this.serviceId, this.planId, this.parameters, operation.state(),
				operation, this.dashboardUrl, this.createdAt);
	}

}
