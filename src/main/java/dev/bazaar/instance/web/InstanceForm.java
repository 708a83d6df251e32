package dev.bazaar.instance.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bazaar.shared.DomainException;
import dev.bazaar.shared.FieldMessage;
import org.jspecify.annotations.Nullable;

/**
 * A form to create, change or bind an instance: a display name, for a change the plan,
 * and the parameters. Keeps the messages to show beside each field.
 */
public final class InstanceForm {

	private final String displayName;

	private final String planId;

	private final ParametersForm parameters;

	private final Map<String, String> errors = new LinkedHashMap<>();

	InstanceForm(String displayName, String planId, ParametersForm parameters) {
		this.displayName = displayName;
		this.planId = planId;
		this.parameters = parameters;
	}

	/** The form as submitted. */
	static InstanceForm submitted(Map<String, String> request, ParametersForm parameters) {
		return new InstanceForm(request.getOrDefault("displayName", ""), request.getOrDefault("planId", ""),
				parameters);
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getPlanId() {
		return this.planId;
	}

	public ParametersForm getParameters() {
		return this.parameters;
	}

	public @Nullable String error(String field) {
		return this.errors.get(field);
	}

	public List<String> getGlobalErrors() {
		return this.parameters.getGlobalErrors();
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty() || this.parameters.hasErrors();
	}

	/**
	 * The display name, or null when it is blank (the domain then says it is required).
	 */
	@Nullable String displayNameOrNull() {
		return this.displayName.isBlank() ? null : this.displayName;
	}

	/** Marks a blank display name before anything is sent. */
	void requireDisplayName() {
		if (this.displayName.isBlank()) {
			this.errors.put("displayName", "is required");
		}
	}

	/** Shows the domain's refusal beside the fields it names, or on top. */
	void reject(DomainException ex) {
		if (ex.errors().isEmpty()) {
			this.parameters.getGlobalErrors().add(ex.getMessage());
			return;
		}
		for (FieldMessage error : ex.errors()) {
			if (error.field().startsWith("parameters")) {
				this.parameters.reject(error.field(), error.message());
			}
			else if (error.field().equals("displayName") || error.field().equals("planId")) {
				this.errors.put(error.field(), error.message());
			}
			else {
				this.parameters.getGlobalErrors().add(error.field() + ": " + error.message());
			}
		}
	}

}
