package dev.bazaar.analytics;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.analytics.BrokerFigures.TopCustomer;
import dev.bazaar.analytics.BrokerFigures.TopProject;
import dev.bazaar.analytics.internal.InstanceStatistics.Count;
import dev.bazaar.tenancy.Customer;
import dev.bazaar.tenancy.Project;
import dev.bazaar.tenancy.TenancyManagement;

import org.springframework.stereotype.Component;

/** Names the customers and projects that consume a broker's services. */
@Component
class Consumers {

	private final TenancyManagement tenancy;

	Consumers(TenancyManagement tenancy) {
		this.tenancy = tenancy;
	}

	List<TopCustomer> customers(List<Count<UUID>> counts) {
		return counts.stream().map((count) -> {
			Optional<Customer> customer = this.tenancy.customerById(count.item());
			return new TopCustomer(customer.map(Customer::identifier).orElse(count.item().toString()),
					customer.map(Customer::displayName).orElse(""), count.instances());
		}).toList();
	}

	List<TopProject> projects(List<Count<UUID>> counts) {
		return counts.stream().map((count) -> {
			Optional<Project> project = this.tenancy.projectById(count.item());
			String customer = project.flatMap((found) -> this.tenancy.customerById(found.customerId()))
				.map(Customer::identifier)
				.orElse("");
			return new TopProject(customer, project.map(Project::identifier).orElse(count.item().toString()),
					project.map(Project::displayName).orElse(""), count.instances());
		}).toList();
	}

}
