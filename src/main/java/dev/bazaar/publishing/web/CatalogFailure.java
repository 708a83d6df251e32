package dev.bazaar.publishing.web;

import java.io.Serializable;
import java.util.List;

import dev.bazaar.broker.CatalogUnavailable;

/**
 * Why a publication's catalog could not be used, for the top of a page: a summary (a TLS
 * failure says so) and, for an invalid catalog, each error as {@code path: message}.
 *
 * @param summary what happened and what to do
 * @param errors the catalog's errors, possibly empty
 */
record CatalogFailure(String summary, List<String> errors) implements Serializable {

	static CatalogFailure of(CatalogUnavailable ex) {
		List<String> errors = ex.errors().stream().map((error) -> error.field() + ": " + error.message()).toList();
		if (errors.isEmpty()) {
			return new CatalogFailure(String.valueOf(ex.getMessage()), errors);
		}
		String summary = "The deployment's catalog is invalid, with " + errors.size()
				+ ((errors.size() == 1) ? " error" : " errors") + "; fix " + ((errors.size() == 1) ? "it" : "them")
				+ " at the broker:";
		return new CatalogFailure(summary, errors);
	}

}
