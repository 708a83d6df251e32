package dev.bazaar.catalog;

/**
 * A service offering as one deployment's catalog stores it.
 *
 * @param deployment the deployment whose catalog lists it
 * @param service the service with all its plans, active or not
 */
public record DeployedService(Deployment deployment, ServiceView service) {
}
