package dev.bazaar.broker.web;

import java.io.Serializable;
import java.util.List;

import dev.bazaar.broker.CatalogUnavailable;

/**
 * Why a broker's catalog could not be used, for the top of a page: a summary and, for an
 * invalid catalog, each error as {@code path: message}.
 *
 * @param summary what happened and what to do
 * @param errors the catalog's errors, possibly empty
 */
record CatalogFailure(String summary, List<String> errors) implements Serializable {

	static CatalogFailure of(CatalogUnavailable ex) {
		if (ex.errors().isEmpty()) {
			return new CatalogFailure(String.valueOf(ex.getMessage()), List.of());
		}
		int count = ex.errors().size();
		String summary = "The broker's catalog is invalid, with " + count + ((count == 1) ? " error" : " errors")
				+ "; fix " + ((count == 1) ? "it" : "them") + " at the broker:";
		return new CatalogFailure(summary,
				ex.errors().stream().map((error) -> error.field() + ": " + error.message()).toList());
	}

}
