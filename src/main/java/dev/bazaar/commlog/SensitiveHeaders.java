package dev.bazaar.commlog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masks the values of headers that carry credentials, before they are stored or shown.
 */
public final class SensitiveHeaders {

	private static final Set<String> NAMES = Set.of("authorization", "proxy-authorization");

	private SensitiveHeaders() {
	}

	/** A copy of the headers, in the same order, with credentials masked. */
	public static Map<String, List<String>> masked(Map<String, List<String>> headers) {
		Map<String, List<String>> masked = new LinkedHashMap<>();
		headers.forEach((name, values) -> masked.put(name,
				isSensitive(name) ? values.stream().map(SensitiveHeaders::mask).toList() : List.copyOf(values)));
		return masked;
	}

	public static boolean isSensitive(String headerName) {
		return NAMES.contains(headerName.toLowerCase(Locale.ROOT));
	}

	/**
	 * Keeps the scheme ({@code Basic ****}) so a reader still sees how the call was made.
	 */
	public static String mask(String value) {
		String stripped = value.strip();
		int space = stripped.indexOf(' ');
		return (space > 0) ? stripped.substring(0, space) + " ****" : "****";
	}

}
