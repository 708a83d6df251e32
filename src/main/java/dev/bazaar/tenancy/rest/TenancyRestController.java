package dev.bazaar.tenancy.rest;

import java.time.Instant;
import java.util.List;

import dev.bazaar.tenancy.Customer;
import dev.bazaar.tenancy.Location;
import dev.bazaar.tenancy.Marketplace;
import dev.bazaar.tenancy.Project;
import dev.bazaar.tenancy.Role;
import dev.bazaar.tenancy.TenancyCommands.NewCustomer;
import dev.bazaar.tenancy.TenancyCommands.NewLocation;
import dev.bazaar.tenancy.TenancyCommands.NewProject;
import dev.bazaar.tenancy.TenancyCommands.NewUser;
import dev.bazaar.tenancy.TenancyManagement;
import dev.bazaar.tenancy.UserAccount;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers, users, projects, locations and project marketplaces. */
@RestController
@RequestMapping("/api")
@Tag(name = "Tenancy", description = "Customers, users, projects, locations and marketplaces")
class TenancyRestController {

	private final TenancyManagement tenancy;

	TenancyRestController(TenancyManagement tenancy) {
		this.tenancy = tenancy;
	}

	@PostMapping("/customers")
	@ResponseStatus(HttpStatus.CREATED)
	CustomerResponse createCustomer(@RequestBody NewCustomer command) {
		return CustomerResponse.of(this.tenancy.createCustomer(command));
	}

	@GetMapping("/customers")
	List<CustomerResponse> customers() {
		return this.tenancy.customers().stream().map(CustomerResponse::of).toList();
	}

	@GetMapping("/customers/{customer}")
	CustomerResponse customer(@PathVariable String customer) {
		return CustomerResponse.of(this.tenancy.customer(customer));
	}

	@PostMapping("/customers/{customer}/users")
	@ResponseStatus(HttpStatus.CREATED)
	UserResponse createUser(@PathVariable String customer, @RequestBody NewUser command) {
		return UserResponse.of(this.tenancy.createUser(customer, command), customer);
	}

	@GetMapping("/customers/{customer}/users")
	List<UserResponse> users(@PathVariable String customer) {
		return this.tenancy.users(customer).stream().map((user) -> UserResponse.of(user, customer)).toList();
	}

	@PostMapping("/locations")
	@ResponseStatus(HttpStatus.CREATED)
	LocationResponse createLocation(@RequestBody NewLocation command) {
		return LocationResponse.of(this.tenancy.createLocation(command));
	}

	@GetMapping("/locations")
	List<LocationResponse> locations() {
		return this.tenancy.locations().stream().map(LocationResponse::of).toList();
	}

	@PostMapping("/customers/{customer}/projects")
	@ResponseStatus(HttpStatus.CREATED)
	ProjectResponse createProject(@PathVariable String customer, @RequestBody NewProject command) {
		return ProjectResponse.of(this.tenancy.createProject(customer, command), customer);
	}

	@GetMapping("/customers/{customer}/projects")
	List<ProjectResponse> projects(@PathVariable String customer) {
		return this.tenancy.projects(customer)
			.stream()
			.map((project) -> ProjectResponse.of(project, customer))
			.toList();
	}

	@GetMapping("/customers/{customer}/projects/{project}")
	ProjectResponse project(@PathVariable String customer, @PathVariable String project) {
		return ProjectResponse.of(this.tenancy.project(customer, project), customer);
	}

	@PutMapping("/customers/{customer}/projects/{project}/marketplaces/{marketplace}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void addMarketplace(@PathVariable String customer, @PathVariable String project, @PathVariable String marketplace) {
		this.tenancy.addMarketplace(customer, project, marketplace);
	}

	@GetMapping("/customers/{customer}/projects/{project}/marketplaces")
	List<Marketplace> marketplaces(@PathVariable String customer, @PathVariable String project) {
		return this.tenancy.marketplaces(customer, project);
	}

	record CustomerResponse(String identifier, String displayName, boolean privateMarketplace, Instant createdAt) {

		static CustomerResponse of(Customer customer) {
			return new CustomerResponse(customer.identifier(), customer.displayName(), customer.privateMarketplace(),
					customer.createdAt());
		}

	}

	record UserResponse(String username, Role role, String customer, Instant createdAt) {

		static UserResponse of(UserAccount user, String customer) {
			return new UserResponse(user.username(), user.role(), customer, user.createdAt());
		}

	}

	record ProjectResponse(String identifier, String displayName, String customer, Instant createdAt) {

		static ProjectResponse of(Project project, String customer) {
			return new ProjectResponse(project.identifier(), project.displayName(), customer, project.createdAt());
		}

	}

	record LocationResponse(String identifier, String displayName) {

		static LocationResponse of(Location location) {
			return new LocationResponse(location.identifier(), location.displayName());
		}

	}

}
