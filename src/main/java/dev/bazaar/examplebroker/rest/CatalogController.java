package dev.bazaar.examplebroker.rest;

import dev.bazaar.examplebroker.internal.ExampleCatalog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The example broker's catalog endpoint. */
@RestController
@ConditionalOnProperty(name = "bazaar.example-broker.enabled", havingValue = "true")
class CatalogController {

	private final CatalogDocument catalog;

	CatalogController(ExampleCatalog catalog) {
		this.catalog = CatalogDocument.of(catalog);
	}

	@GetMapping("/example-broker/v2/catalog")
	CatalogDocument catalog() {
		return this.catalog;
	}

}
