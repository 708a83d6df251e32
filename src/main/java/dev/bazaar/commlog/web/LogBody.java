package dev.bazaar.commlog.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request or response body as the detail page shows it: pretty-printed when it is JSON,
 * as it came otherwise.
 *
 * @param text the text to show
 * @param json whether it was read as JSON
 */
record LogBody(String text, boolean json) {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	static @Nullable LogBody of(@Nullable String body) {
		if (body == null || body.isEmpty()) {
			return null;
		}
		try {
			JsonNode node = mapper.readTree(body);
			if (node.isObject() || node.isArray()) {
				return new LogBody(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node), true);
			}
		}
		catch (JacksonException ex) {
			// not JSON: shown raw
		}
		return new LogBody(body, false);
	}

}
