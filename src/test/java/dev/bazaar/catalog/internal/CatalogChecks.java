package dev.bazaar.catalog.internal;

import java.util.List;

import dev.bazaar.catalog.CatalogError;
import dev.bazaar.catalog.CatalogValidationResult;
import dev.bazaar.catalog.ValidatedCatalog;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Validates catalogs in tests and returns what a test looks at. */
final class CatalogChecks {

	private final CatalogValidation validation = new CatalogValidation();

	/** The errors of an invalid 2.14 catalog, as {@code path: message}. */
	List<String> errors(String body) {
		return errors(body, "2.14", OtherBrokersIds.none());
	}

	List<String> errors(JsonNode catalog) {
		return errors(catalog.toString());
	}

	List<String> errors(String body, String version, OtherBrokersIds others) {
		CatalogValidationResult result = this.validation.validate(body, version, others);
		assertThat(result).isInstanceOf(CatalogValidationResult.Invalid.class);
		return ((CatalogValidationResult.Invalid) result).errors().stream().map(CatalogError::toString).toList();
	}

	ValidatedCatalog valid(String body, String version) {
		CatalogValidationResult result = this.validation.validate(body, version, OtherBrokersIds.none());
		assertThat(result).as(result.toString()).isInstanceOf(CatalogValidationResult.Valid.class);
		return ((CatalogValidationResult.Valid) result).catalog();
	}

}
