package dev.bazaar.commlog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks the values of headers that carry credentials, before they are stored or shown.
 */
public final class SensitiveHeaders {

	private SensitiveHeaders() {
	}

	/** A copy of the headers, in the same order, with credentials masked. */
	public static Map<String, List<String>> masked(Map<String, List<String>> headers) {
		Map<String, List<String>> masked = new LinkedHashMap<>();
		headers.forEach((name, values) -> masked.put(name,
				isSensitive(name) ? values.stream().map(SensitiveHeaders::mask).toList() : List.copyOf(values)));
		return masked;
	}

	/**
	 * The headers with credentials masked: the same map when they are masked already
	 * (most often, as {@link #masked(Map)} made them), otherwise a masked copy. For
	 * headers about to be stored, not kept.
	 */
	public static Map<String, List<String>> maskedOnce(Map<String, List<String>> headers) {
		for (Map.Entry<String, List<String>> header : headers.entrySet()) {
			if (isSensitive(header.getKey()) && !isMasked(header.getValue())) {
				return masked(headers);
			}
		}
		return headers;
	}

	public static boolean isSensitive(String headerName) {
		return headerName.equalsIgnoreCase("authorization") || headerName.equalsIgnoreCase("proxy-authorization");
	}

	/**
	 * Keeps the scheme ({@code Basic ****}) so a reader still sees how the call was made.
	 */
	public static String mask(String value) {
		String stripped = value.strip();
		int space = stripped.indexOf(' ');
		return (space > 0) ? stripped.substring(0, space) + " ****" : "****";
	}

	private static boolean isMasked(List<String> values) {
		for (String value : values) {
			if (!mask(value).equals(value)) {
				return false;
			}
		}
		return true;
	}

}
