package dev.bazaar.broker.web;

import dev.bazaar.broker.BrokerDeployments.PublishedDeployment;
import dev.bazaar.catalog.CatalogView;

import org.jspecify.annotations.Nullable;

/**
 * A publication of the broker with the state of its catalog, for the broker's page.
 *
 * @param publication the publication
 * @param catalog its catalog, or null before the first fetch
 */
record PublicationRow(PublishedDeployment publication, @Nullable CatalogView catalog) {

	public boolean approved() {
		return "APPROVED".equals(this.publication.status());
	}

}
