package dev.bazaar.broker.web;

import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.catalog.CatalogView;

import org.jspecify.annotations.Nullable;

/**
 * A broker with its owner and the state of its catalog, as the pages show it.
 *
 * @param broker the registration
 * @param customer the identifier of the customer that owns it
 * @param catalog its private catalog, or null before the first fetch
 */
record BrokerRow(ServiceBroker broker, String customer, @Nullable CatalogView catalog) {
}
