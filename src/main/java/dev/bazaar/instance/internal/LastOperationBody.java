package dev.bazaar.instance.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The two fields of a last operation's answer that polling reads, {@code state} and
 * {@code description}, read token by token: a poll needs no tree of the answer. Read as
 * {@link BrokerAnswers#text} reads them: a string that is not empty, or null.
 *
 * @param state the operation's state, or null
 * @param description the broker's description, or null
 */
record LastOperationBody(@Nullable String state, @Nullable String description) {

	private static final JsonFactory json = new JsonFactory();

	/** The body's fields, or null when the body is not one JSON object. */
	static @Nullable LastOperationBody read(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try (JsonParser parser = json.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			String state = null;
			String description = null;
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				if (name.equals("state")) {
					state = text(parser, value);
				}
				else if (name.equals("description")) {
					description = text(parser, value);
				}
				else {
					parser.skipChildren();
				}
			}
			// One object and nothing after it, as the mapper reads a tree.
			return (parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null)
					? new LastOperationBody(state, description) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonParser parser, JsonToken value) {
		if (value != JsonToken.VALUE_STRING) {
			parser.skipChildren();
			return null;
		}
		String text = parser.getString();
		return text.isEmpty() ? null : text;
	}

}
