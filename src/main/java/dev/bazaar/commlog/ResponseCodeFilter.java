package dev.bazaar.commlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bazaar.shared.InvalidRequest;

import org.jspecify.annotations.Nullable;

/**
 * A criterion on the HTTP status of logged calls, as an inclusive range; calls that got
 * no answer match none.
 *
 * @param min the lowest status that matches
 * @param max the highest status that matches
 */
public record ResponseCodeFilter(int min, int max) {

	/** The forms {@link #parse} accepts, for messages. */
	public static final String FORMS = "a status such as 403, a comparison such as >399, >=500, <300 or <=299, "
			+ "or a class such as 4xx or 5xx";

	private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<|=)?\\s*(\\d{3})");

	private static final Pattern CLASS = Pattern.compile("([1-5])xx", Pattern.CASE_INSENSITIVE);

	private static final int LOWEST = 0;

	private static final int HIGHEST = 999;

	/** Reads one of the {@link #FORMS}; throws {@link InvalidRequest} otherwise. */
	public static ResponseCodeFilter parse(String text) {
		String value = text.strip();
		Matcher statusClass = CLASS.matcher(value);
		if (statusClass.matches()) {
			int hundreds = Integer.parseInt(statusClass.group(1)) * 100;
			return new ResponseCodeFilter(hundreds, hundreds + 99);
		}
		Matcher comparison = COMPARISON.matcher(value);
		if (!comparison.matches()) {
			throw InvalidRequest.forField("responseCode", "'" + text + "' is not understood; use " + FORMS);
		}
		int code = Integer.parseInt(comparison.group(2));
		String operator = (comparison.group(1) != null) ? comparison.group(1) : "=";
		return switch (operator) {
			case ">" -> new ResponseCodeFilter(code + 1, HIGHEST);
			case ">=" -> new ResponseCodeFilter(code, HIGHEST);
			case "<" -> new ResponseCodeFilter(LOWEST, code - 1);
			case "<=" -> new ResponseCodeFilter(LOWEST, code);
			default -> new ResponseCodeFilter(code, code);
		};
	}

	public boolean matches(@Nullable Integer code) {
		return code != null && code >= this.min && code <= this.max;
	}

}
