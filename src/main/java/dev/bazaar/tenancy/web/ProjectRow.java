package dev.bazaar.tenancy.web;

import dev.bazaar.tenancy.Customer;
import dev.bazaar.tenancy.Project;

/** A project in a list, with its customer and the address of its page. */
public record ProjectRow(Project project, Customer customer, String href) {

	/** The row as a partner admin, who sees every customer's projects, links to it. */
	static ProjectRow ofAnyCustomer(Project project, Customer customer) {
		return new ProjectRow(project, customer,
				"/customers/" + customer.identifier() + "/projects/" + project.identifier());
	}

	/** The row as a customer's own users link to it. */
	static ProjectRow ofOwnCustomer(Project project, Customer customer) {
		return new ProjectRow(project, customer, "/projects/" + project.identifier());
	}

}
