package dev.bazaar.instance.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parameters part of a form: inputs generated from the plan's JSON Schema, or a JSON
 * editor where the plan has no schema with properties. Converts what was entered to the
 * schema's types and keeps the messages to show beside each input.
 */
public final class ParametersForm {

	static final String JSON_INPUT = "parametersJson";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final @Nullable JsonNode schema;

	private final Map<String, ParameterField> fields;

	private final boolean update;

	private String json = "";

	private final Map<String, String> errors = new LinkedHashMap<>();

	private final List<String> globalErrors = new ArrayList<>();

	private ParametersForm(@Nullable JsonNode schema, boolean update) {
		this.schema = schema;
		this.update = update;
		this.fields = (schema != null) ? SchemaFields.of(schema, update) : new LinkedHashMap<>();
	}

	/** An empty form, with the schema's defaults unless it is for a change. */
	static ParametersForm blank(@Nullable JsonNode schema, boolean update) {
		return new ParametersForm(schema, update);
	}

	/**
	 * The form as submitted: request parameters {@code parameters.<name>} or the JSON.
	 */
	static ParametersForm submitted(@Nullable JsonNode schema, boolean update, Map<String, String> request) {
		ParametersForm form = new ParametersForm(schema, update);
		form.fields.replaceAll((name, field) -> field.withValue(submittedValue(field, request)));
		form.json = request.getOrDefault(JSON_INPUT, "");
		return form;
	}

	private static String submittedValue(ParameterField field, Map<String, String> request) {
		String value = request.get(field.inputName());
		if (field.kind() == FieldKind.CHECKBOX) {
			return (value != null) ? "true" : "false";
		}
		return (value != null) ? value : "";
	}

	/** Whether the plan's schema has properties to show as inputs. */
	public boolean isGenerated() {
		return !this.fields.isEmpty();
	}

	/**
	 * Whether the plan has a schema at all (which the broker applies to the JSON, too).
	 */
	public boolean hasSchema() {
		return this.schema != null;
	}

	public List<ParameterField> getFields() {
		return List.copyOf(this.fields.values());
	}

	public String getJson() {
		return this.json;
	}

	public @Nullable String error(String input) {
		return this.errors.get(input);
	}

	public List<String> getGlobalErrors() {
		return this.globalErrors;
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty() || !this.globalErrors.isEmpty();
	}

	/**
	 * The parameters in the schema's types, or null when none were given (and none are
	 * needed). Inputs that do not convert get an error; check {@link #hasErrors()}.
	 */
	@Nullable Map<String, Object> values() {
		Map<String, Object> values = isGenerated() ? converted() : parsedJson();
		if (values == null || (values.isEmpty() && (this.update || this.schema == null))) {
			return null;
		}
		return values;
	}

	private Map<String, Object> converted() {
		Map<String, Object> values = new LinkedHashMap<>();
		for (ParameterField field : this.fields.values()) {
			if (field.kind() == FieldKind.CHECKBOX) {
				values.put(field.name(), field.checked());
			}
			else if (!field.value().isBlank()) {
				Object value = convert(field);
				if (value != null) {
					values.put(field.name(), value);
				}
			}
		}
		return values;
	}

	private @Nullable Object convert(ParameterField field) {
		String text = field.value().strip();
		try {
			return switch (field.kind()) {
				case INTEGER -> new BigInteger(text);
				case NUMBER -> new BigDecimal(text);
				case SELECT -> choice(field, text);
				case JSON -> mapper.readValue(text, Object.class);
				default -> field.value();
			};
		}
		catch (NumberFormatException ex) {
			this.errors.put(field.inputName(),
					(field.kind() == FieldKind.INTEGER) ? "must be a whole number" : "must be a number");
		}
		catch (JacksonException ex) {
			this.errors.put(field.inputName(), "is not valid JSON");
		}
		return null;
	}

	/** The enum value whose text was chosen, in its own JSON type. */
	private @Nullable Object choice(ParameterField field, String text) {
		JsonNode choices = (this.schema != null) ? this.schema.path("properties").path(field.name()).path("enum")
				: null;
		if (choices == null || !choices.isArray()) {
			return Boolean.valueOf(text);
		}
		for (JsonNode choice : choices) {
			if (text.equals(choice.isNull() ? "null" : choice.asString())) {
				return mapper.treeToValue(choice, Object.class);
			}
		}
		this.errors.put(field.inputName(), "choose one of the options");
		return null;
	}

	@SuppressWarnings("unchecked")
	private @Nullable Map<String, Object> parsedJson() {
		if (this.json.isBlank()) {
			return (this.schema != null) ? Map.of() : null;
		}
		try {
			Object parsed = mapper.readValue(this.json, Object.class);
			if (parsed instanceof Map<?, ?> map) {
				return (Map<String, Object>) map;
			}
		}
		catch (JacksonException ex) {
			// reported below
		}
		this.errors.put(JSON_INPUT, "must be a JSON object, such as {\"size\": 10}");
		return null;
	}

	/**
	 * Shows a message of the domain beside its input: {@code parameters.size} and
	 * {@code parameters.size.unit} beside input {@code size}; others on top of the form.
	 */
	void reject(String field, String message) {
		String property = property(field);
		if (!isGenerated()) {
			String where = (property != null) ? property + ": " : "";
			this.errors.merge(JSON_INPUT, where + message, (a, b) -> a + "; " + b);
		}
		else if (property != null && this.fields.containsKey(property)) {
			this.errors.merge("parameters." + property, message, (a, b) -> a + "; " + b);
		}
		else {
			this.globalErrors.add(((property != null) ? property : "Parameters") + ": " + message);
		}
	}

	/**
	 * The top-level property an error names ({@code parameters.size},
	 * {@code parameters['size']} or, as JSON Pointer, {@code parameters/size}), or null
	 * when it names the whole object.
	 */
	static @Nullable String property(String field) {
		if (!field.startsWith("parameters")) {
			return null;
		}
		String rest = field.substring("parameters".length());
		if (rest.startsWith("['")) {
			int end = rest.indexOf("']");
			return (end > 2) ? rest.substring(2, end) : null;
		}
		if (rest.startsWith("/")) {
			int end = rest.indexOf('/', 1);
			String segment = rest.substring(1, (end > 0) ? end : rest.length());
			return segment.isEmpty() ? null : segment.replace("~1", "/").replace("~0", "~");
		}
		if (!rest.startsWith(".") || rest.length() == 1) {
			return null;
		}
		rest = rest.substring(1);
		int end = rest.length();
		for (char stop : new char[] { '.', '[' }) {
			int at = rest.indexOf(stop);
			end = (at >= 0) ? Math.min(end, at) : end;
		}
		return rest.substring(0, end);
	}

}
