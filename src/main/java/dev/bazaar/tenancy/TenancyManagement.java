package dev.bazaar.tenancy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.shared.Identifiers;
import dev.bazaar.shared.InvalidRequest;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.StateConflict;
import dev.bazaar.shared.Texts;
import dev.bazaar.tenancy.TenancyCommands.NewCustomer;
import dev.bazaar.tenancy.TenancyCommands.NewLocation;
import dev.bazaar.tenancy.TenancyCommands.NewProject;
import dev.bazaar.tenancy.TenancyCommands.NewUser;
import dev.bazaar.tenancy.internal.TenancyRepository;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers, users, projects, locations and project marketplaces, with their access
 * rules.
 */
@Service
@Transactional
public class TenancyManagement {

	private final TenancyRepository repository;

	private final TenantAccess access;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	TenancyManagement(TenancyRepository repository, TenantAccess access, PasswordEncoder passwordEncoder, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	public Customer createCustomer(NewCustomer command) {
		this.access.requirePartnerAdmin();
		String identifier = Identifiers.require("identifier", command.identifier());
		String displayName = Texts.required("displayName", command.displayName(), 200);
		if (this.repository.customerByIdentifier(identifier).isPresent()) {
			throw new StateConflict("A customer with identifier '" + identifier + "' exists already; choose another");
		}
		Customer customer = new Customer(UUID.randomUUID(), identifier, displayName, false, this.clock.instant());
		this.repository.insertCustomer(customer);
		return customer;
	}

	@Transactional(readOnly = true)
	public Customer customer(String identifier) {
		return this.access.customerForMember(identifier);
	}

	@Transactional(readOnly = true)
	public List<Customer> customers() {
		BazaarUser user = CurrentUser.get();
		if (user.isPartnerAdmin()) {
			return this.repository.customers();
		}
		return this.repository.customerById(user.customerId()).stream().toList();
	}

	/** A customer by id, for other modules; no access check. */
	@Transactional(readOnly = true)
	public Optional<Customer> customerById(UUID id) {
		return this.repository.customerById(id);
	}

	public UserAccount createUser(String customerIdentifier, NewUser command) {
		Customer customer = this.access.customerForAdmin(customerIdentifier, true);
		if (command.role() == null || command.role() == Role.PARTNER_ADMIN) {
			throw InvalidRequest.forField("role", "must be CUSTOMER_ADMIN or CUSTOMER_EMPLOYEE");
		}
		return insertUser(command, customer.id());
	}

	@Transactional(readOnly = true)
	public List<UserAccount> users(String customerIdentifier) {
		Customer customer = this.access.customerForAdmin(customerIdentifier, true);
		return this.repository.usersOf(customer.id());
	}

	/**
	 * Creates the first partner admin when there are no users at all; empty otherwise.
	 */
	public Optional<UserAccount> createFirstPartnerAdmin(String username, String password) {
		if (this.repository.userCount() > 0) {
			return Optional.empty();
		}
		return Optional.of(insertUser(new NewUser(username, password, Role.PARTNER_ADMIN), null));
	}

	public Location createLocation(NewLocation command) {
		this.access.requirePartnerAdmin();
		String identifier = Identifiers.require("identifier", command.identifier());
		if (Marketplace.PRIVATE.equals(identifier)) {
			throw InvalidRequest.forField("identifier",
					"'private' names customers' private marketplaces; choose another");
		}
		String displayName = Texts.required("displayName", command.displayName(), 200);
		if (this.repository.location(identifier).isPresent()) {
			throw new StateConflict("A location with identifier '" + identifier + "' exists already; choose another");
		}
		Location location = new Location(UUID.randomUUID(), identifier, displayName, this.clock.instant());
		this.repository.insertLocation(location);
		return location;
	}

	@Transactional(readOnly = true)
	public List<Location> locations() {
		return this.repository.locations();
	}

	@Transactional(readOnly = true)
	public Optional<Location> location(String identifier) {
		return this.repository.location(identifier);
	}

	public Project createProject(String customerIdentifier, NewProject command) {
		Customer customer = this.access.customerForAdmin(customerIdentifier, false);
		String identifier = Identifiers.require("identifier", command.identifier());
		String displayName = Texts.required("displayName", command.displayName(), 200);
		if (this.repository.project(customer.id(), identifier).isPresent()) {
			throw new StateConflict("Customer '" + customerIdentifier + "' has a project '" + identifier
					+ "' already; choose another identifier");
		}
		Project project = new Project(UUID.randomUUID(), customer.id(), identifier, displayName, this.clock.instant());
		this.repository.insertProject(project);
		return project;
	}

	@Transactional(readOnly = true)
	public List<Project> projects(String customerIdentifier) {
		return this.repository.projectsOf(this.access.customerForMember(customerIdentifier).id());
	}

	/**
	 * A project, for its customer's members: one query when it exists and may be seen
	 * (each API order starts here); without a transaction of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Project project(String customerIdentifier, String projectIdentifier) {
		Optional<Project> project = this.repository.project(customerIdentifier, projectIdentifier);
		if (project.isPresent() && this.access.canSee(project.get().customerId())) {
			return project.get();
		}
		// Says which is missing: the customer (or not visible) or its project.
		this.access.customerForMember(customerIdentifier);
		throw new ResourceNotFound("Customer '" + customerIdentifier + "' has no project '" + projectIdentifier + "'");
	}

	/** A project by id, for other modules; no access check. */
	@Transactional(readOnly = true)
	public Optional<Project> projectById(UUID id) {
		return this.repository.projectById(id);
	}

	/** Adds a marketplace to a project; adding one it has already changes nothing. */
	public void addMarketplace(String customerIdentifier, String projectIdentifier, String marketplace) {
		Customer customer = this.access.customerForAdmin(customerIdentifier, false);
		Project project = project(customerIdentifier, projectIdentifier);
		if (Marketplace.PRIVATE.equals(marketplace)) {
			if (!customer.privateMarketplace()) {
				throw new ResourceNotFound("Customer '" + customerIdentifier + "' has no private marketplace yet: "
						+ "it is created when the customer registers its first service broker");
			}
		}
		else if (this.repository.location(marketplace).isEmpty()) {
			throw new ResourceNotFound(
					"There is no marketplace '" + marketplace + "': use 'private' or the identifier of a location");
		}
		this.repository.addMarketplace(project.id(), marketplace, this.clock.instant());
	}

	@Transactional(readOnly = true)
	public List<Marketplace> marketplaces(String customerIdentifier, String projectIdentifier) {
		Customer customer = this.access.customerForMember(customerIdentifier);
		Project project = project(customerIdentifier, projectIdentifier);
		List<Marketplace> result = new ArrayList<>();
		for (String identifier : this.repository.marketplacesOf(project.id())) {
			if (Marketplace.PRIVATE.equals(identifier)) {
				result
					.add(new Marketplace(identifier, customer.displayName() + " (private)", Marketplace.Type.PRIVATE));
			}
			else {
				this.repository.location(identifier)
					.ifPresent((location) -> result
						.add(new Marketplace(identifier, location.displayName(), Marketplace.Type.LOCATION)));
			}
		}
		return result;
	}

	/** Marketplace identifiers a project added, for other modules; no access check. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<String> marketplaceIdentifiers(UUID projectId) {
		return this.repository.marketplacesOf(projectId);
	}

	/** Creates the customer's private marketplace, if it has none yet. */
	public void enablePrivateMarketplace(UUID customerId) {
		this.repository.enablePrivateMarketplace(customerId);
	}

	private UserAccount insertUser(NewUser command, UUID customerId) {
		String username = Usernames.require(command.username());
		String password = Passwords.require(command.password());
		if (this.repository.usernameTaken(username)) {
			throw new StateConflict("The username '" + username + "' is taken; choose another");
		}
		UserAccount user = new UserAccount(UUID.randomUUID(), username, command.role(), customerId,
				this.clock.instant());
		this.repository.insertUser(user, this.passwordEncoder.encode(password));
		return user;
	}

}
