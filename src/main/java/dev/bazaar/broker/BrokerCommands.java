package dev.bazaar.broker;

import org.jspecify.annotations.Nullable;

/** The commands {@link BrokerManagement} takes. */
public final class BrokerCommands {

	private BrokerCommands() {
	}

	/** Register a broker for a customer. */
	public record RegisterBroker(@Nullable String name, @Nullable String identifier, @Nullable String endpoint,
			@Nullable String username, @Nullable String password, @Nullable Boolean developmentMode) {

		@Override
		public String toString() {
			return "RegisterBroker[" + this.identifier + ", " + this.endpoint + "]";
		}

	}

	/**
	 * Change a registration; null fields stay as they are. The identifier cannot change.
	 */
	public record UpdateBroker(@Nullable String name, @Nullable String identifier, @Nullable String endpoint,
			@Nullable String username, @Nullable String password, @Nullable Boolean developmentMode) {

		@Override
		public String toString() {
			return "UpdateBroker[" + this.identifier + ", " + this.endpoint + "]";
		}

	}

}
