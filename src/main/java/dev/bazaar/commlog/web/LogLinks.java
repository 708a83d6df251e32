package dev.bazaar.commlog.web;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a broker's log page, each carrying the current search so that it can be
 * bookmarked, shared and exported.
 *
 * @param broker the broker's identifier
 * @param search the current search
 * @param limit the page size asked for, or null for the default
 */
record LogLinks(String broker, LogSearchForm search, @Nullable String limit) {

	/** The page of the search. */
	public String page() {
		return toString(this.search.addTo(logs()));
	}

	/** The next page of the search, from the cursor. */
	public String next(String cursor) {
		UriComponentsBuilder uri = this.search.addTo(logs()).queryParam("cursor", cursor);
		if (this.limit != null && !this.limit.isBlank()) {
			uri.queryParam("limit", this.limit);
		}
		return toString(uri);
	}

	/**
	 * Every log the search finds, as a file in the format ({@code csv} or {@code jsonl}).
	 */
	public String export(String format) {
		return toString(this.search.addTo(logs().path("/export")).queryParam("format", format));
	}

	/** One log in full, its time shown in the viewer's zone. */
	public String detail(long id) {
		UriComponentsBuilder uri = logs().path("/" + id);
		if (this.search.zone() != null && !this.search.zone().isBlank()) {
			uri.queryParam("zone", this.search.zone());
		}
		return toString(uri);
	}

	private UriComponentsBuilder logs() {
		// Broker identifiers are lowercase letters, digits and dashes: nothing to encode.
		return UriComponentsBuilder.fromPath("/service-brokers/" + this.broker + "/logs");
	}

	private static String toString(UriComponentsBuilder uri) {
		return uri.build().encode().toUriString();
	}

}
