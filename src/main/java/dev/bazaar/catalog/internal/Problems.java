package dev.bazaar.catalog.internal;

import java.util.ArrayList;
import java.util.List;

import dev.bazaar.catalog.CatalogError;

/** Collects every error found while validating one catalog. */
final class Problems {

	private final List<CatalogError> errors = new ArrayList<>();

	void add(String path, String message) {
		this.errors.add(new CatalogError(path, message));
	}

	boolean isEmpty() {
		return this.errors.isEmpty();
	}

	List<CatalogError> list() {
		return List.copyOf(this.errors);
	}

}
