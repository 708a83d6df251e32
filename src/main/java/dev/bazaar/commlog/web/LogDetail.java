package dev.bazaar.commlog.web;

import java.util.List;
import java.util.Map;

import dev.bazaar.commlog.CommunicationLog;

import org.jspecify.annotations.Nullable;

/**
 * A log in full, prepared for its page.
 *
 * @param log the stored log, headers already masked
 * @param requestHeaders the request headers as name and joined values
 * @param requestBody the request body, or null
 * @param responseHeaders the response headers as name and joined values
 * @param responseBody the response body, or null
 */
record LogDetail(CommunicationLog log, List<Header> requestHeaders, @Nullable LogBody requestBody,
		List<Header> responseHeaders, @Nullable LogBody responseBody) {

	static LogDetail of(CommunicationLog log) {
		return new LogDetail(log, headers(log.requestHeaders()), LogBody.of(log.requestBody()),
				headers(log.responseHeaders()), LogBody.of(log.responseBody()));
	}

	private static List<Header> headers(Map<String, List<String>> headers) {
		return headers.entrySet()
			.stream()
			.map((header) -> new Header(header.getKey(), String.join(", ", header.getValue())))
			.sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
			.toList();
	}

	/** One header with its values. */
	record Header(String name, String value) {
	}

}
