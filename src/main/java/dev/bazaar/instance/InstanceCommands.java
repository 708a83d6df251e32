package dev.bazaar.instance;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The commands {@link InstanceManagement} takes. */
public final class InstanceCommands {

	private InstanceCommands() {
	}

	/** Order a service instance. */
	public record CreateInstance(@Nullable String marketplace, @Nullable String serviceId, @Nullable String planId,
			@Nullable String displayName, @Nullable Map<String, Object> parameters) {
	}

	/**
	 * Change an instance: its plan, parameters (only those set are sent) or display name.
	 */
	public record UpdateInstance(@Nullable String planId, @Nullable Map<String, Object> parameters,
			@Nullable String displayName) {
	}

	/** Bind an instance. */
	public record CreateBinding(@Nullable String displayName, @Nullable Map<String, Object> parameters) {
	}

}
