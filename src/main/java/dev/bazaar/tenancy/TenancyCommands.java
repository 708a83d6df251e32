package dev.bazaar.tenancy;

/** The commands {@link TenancyManagement} takes. */
public final class TenancyCommands {

	private TenancyCommands() {
	}

	/** Create a customer. */
	public record NewCustomer(String identifier, String displayName) {
	}

	/** Create a user of a customer. */
	public record NewUser(String username, String password, Role role) {
	}

	/** Create a project of a customer. */
	public record NewProject(String identifier, String displayName) {
	}

	/** Create a location. */
	public record NewLocation(String identifier, String displayName) {
	}

}
