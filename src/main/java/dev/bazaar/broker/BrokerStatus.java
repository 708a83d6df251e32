package dev.bazaar.broker;

/** Whether a broker still offers its services. Deactivation is permanent. */
public enum BrokerStatus {

	ACTIVE, DEACTIVATED

}
