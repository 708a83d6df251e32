package dev.bazaar.catalog;

/**
 * One thing wrong with a catalog.
 *
 * @param path where, for example {@code services[1].plans[0].id}
 * @param message what, for example {@code missing}
 */
public record CatalogError(String path, String message) {

	@Override
	public String toString() {
		return this.path + ": " + this.message;
	}

}
