package dev.bazaar.publishing;

import org.jspecify.annotations.Nullable;

/** The commands {@link PublishingManagement} takes. */
public final class PublishingCommands {

	private PublishingCommands() {
	}

	/** Publish a broker to a location with that deployment's endpoint and credentials. */
	public record Publish(@Nullable String location, @Nullable String endpoint, @Nullable String username,
			@Nullable String password) {

		@Override
		public String toString() {
			return "Publish[" + this.location + ", " + this.endpoint + "]";
		}

	}

	/** Reject a publication, saying why. */
	public record Reject(@Nullable String comment) {
	}

}
