package dev.bazaar.tenancy.web;

import dev.bazaar.tenancy.TenancyCommands.NewCustomer;
import dev.bazaar.tenancy.TenancyCommands.NewLocation;
import dev.bazaar.tenancy.TenancyCommands.NewProject;

/** The form that creates a customer, a location or a project: identifier and name. */
public class IdentifiedForm {

	private String identifier = "";

	private String displayName = "";

	public String getIdentifier() {
		return this.identifier;
	}

	public void setIdentifier(String identifier) {
		this.identifier = identifier.strip();
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	NewCustomer toCustomer() {
		return new NewCustomer(this.identifier, this.displayName);
	}

	NewLocation toLocation() {
		return new NewLocation(this.identifier, this.displayName);
	}

	NewProject toProject() {
		return new NewProject(this.identifier, this.displayName);
	}

}
