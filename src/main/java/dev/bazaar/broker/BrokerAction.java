package dev.bazaar.broker;

/** What someone did to a broker; each is recorded in the audit trail. */
public enum BrokerAction {

	REGISTERED, EDITED, CATALOG_REFRESHED, PUBLISHED, APPROVED, REJECTED, REVOKED, DELETED, DEACTIVATED

}
