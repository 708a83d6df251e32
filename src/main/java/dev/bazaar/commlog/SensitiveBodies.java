package dev.bazaar.commlog;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks binding credentials in brokers' answers before they are stored: the keys stay, so
 * a reader still sees the answer's shape, the values do not.
 */
public final class SensitiveBodies {

	static final String MASK = "****";

	private static final Set<OperationType> CARRY_CREDENTIALS = Set.of(OperationType.BIND, OperationType.FETCH_BINDING);

	private static final JsonMapper json = JsonMapper.builder().build();

	private SensitiveBodies() {
	}

	/** The response body as it may be stored for a call of that type. */
	public static @Nullable String masked(OperationType type, @Nullable String responseBody) {
		if (responseBody == null || responseBody.isBlank() || !CARRY_CREDENTIALS.contains(type)) {
			return responseBody;
		}
		JsonNode node;
		try {
			node = json.readTree(responseBody);
		}
		catch (RuntimeException ex) {
			return "[not stored: this answer is not JSON, and answers to binds can carry credentials]";
		}
		if (node instanceof ObjectNode object && object.get("credentials") instanceof ObjectNode credentials) {
			credentials.propertyNames().forEach((name) -> credentials.put(name, MASK));
			return json.writeValueAsString(object);
		}
		return responseBody;
	}

}
