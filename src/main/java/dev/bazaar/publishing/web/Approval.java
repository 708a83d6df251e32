package dev.bazaar.publishing.web;

import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.catalog.CatalogView;
import dev.bazaar.publishing.Publication;

/**
 * A publication waiting for approval, with what a partner admin needs to decide.
 *
 * @param publication the publication
 * @param broker the published broker
 * @param owner the identifier of the customer that owns the broker
 * @param catalog the catalog of the publication's deployment
 */
record Approval(Publication publication, ServiceBroker broker, String owner, CatalogView catalog) {

	/** Tells the publication apart in the queue: {@code broker/location}. */
	public String key() {
		return this.broker.identifier() + "/" + this.publication.location();
	}

}
