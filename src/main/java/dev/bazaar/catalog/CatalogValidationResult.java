package dev.bazaar.catalog;

import java.util.List;

/** What validating a broker's catalog came to: a usable catalog, or every error found. */
public sealed interface CatalogValidationResult {

	/**
	 * The catalog follows the OSB spec and may be stored.
	 *
	 * @param catalog the parsed catalog
	 */
	record Valid(ValidatedCatalog catalog) implements CatalogValidationResult {
	}

	/**
	 * The catalog breaks the OSB spec (or reuses another broker's ids).
	 *
	 * @param errors every error found, each with its path
	 */
	record Invalid(List<CatalogError> errors) implements CatalogValidationResult {

		public Invalid {
			errors = List.copyOf(errors);
		}

		/** The errors as one sentence, for a problem detail or a log. */
		public String summary() {
			return String.join("; ", this.errors.stream().map(CatalogError::toString).toList());
		}

	}

}
