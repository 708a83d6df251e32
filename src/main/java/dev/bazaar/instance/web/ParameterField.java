package dev.bazaar.instance.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One input of a parameters form, generated from a property of the plan's JSON Schema.
 *
 * @param name the property name
 * @param label its title, or its name
 * @param hint its description, or null
 * @param kind how it is entered
 * @param required whether the schema requires it
 * @param options the choices of a select
 * @param min the smallest number allowed, or null
 * @param max the largest number allowed, or null
 * @param value what the input holds, as text
 */
public record ParameterField(String name, String label, @Nullable String hint, FieldKind kind, boolean required,
		List<String> options, @Nullable String min, @Nullable String max, String value) {

	ParameterField withValue(String newValue) {
		return new ParameterField(this.name, this.label, this.hint, this.kind, this.required, this.options, this.min,
				this.max, newValue);
	}

	/** The input's HTML name, which is also how schema errors name it. */
	public String inputName() {
		return "parameters." + this.name;
	}

	public boolean checked() {
		return "true".equals(this.value);
	}

}
