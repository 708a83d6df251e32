package dev.bazaar.tenancy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.shared.jdbc.Timestamps;
import dev.bazaar.tenancy.Customer;
import dev.bazaar.tenancy.Location;
import dev.bazaar.tenancy.Project;
import dev.bazaar.tenancy.Role;
import dev.bazaar.tenancy.UserAccount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of customers, users, projects, locations and project marketplaces. */
@Repository
public class TenancyRepository {

	private final JdbcClient jdbc;

	TenancyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertCustomer(Customer customer) {
		this.jdbc.sql(
				"insert into customer (id, identifier, display_name, private_marketplace, created_at) values (?, ?, ?, ?, ?)")
			.params(customer.id(), customer.identifier(), customer.displayName(), customer.privateMarketplace(),
					Timestamps.of(customer.createdAt()))
			.update();
	}

	public Optional<Customer> customerByIdentifier(String identifier) {
		return this.jdbc.sql("select * from customer where identifier = ?")
			.param(identifier)
			.query(TenancyRepository::customer)
			.optional();
	}

	public Optional<Customer> customerById(UUID id) {
		return this.jdbc.sql("select * from customer where id = ?")
			.param(id)
			.query(TenancyRepository::customer)
			.optional();
	}

	public List<Customer> customers() {
		return this.jdbc.sql("select * from customer order by identifier").query(TenancyRepository::customer).list();
	}

	public void enablePrivateMarketplace(UUID customerId) {
		this.jdbc.sql("update customer set private_marketplace = true where id = ? and private_marketplace = false")
			.param(customerId)
			.update();
	}

	public void insertUser(UserAccount user, String passwordHash) {
		this.jdbc.sql(
				"insert into app_user (id, username, password_hash, role, customer_id, created_at) values (?, ?, ?, ?, ?, ?)")
			.params(user.id(), user.username(), passwordHash, user.role().name(), user.customerId(),
					Timestamps.of(user.createdAt()))
			.update();
	}

	public long userCount() {
		return this.jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	public boolean usernameTaken(String username) {
		return this.jdbc.sql("select count(*) from app_user where username = ?")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	public List<UserAccount> usersOf(UUID customerId) {
		return this.jdbc.sql("select * from app_user where customer_id = ? order by username")
			.param(customerId)
			.query(TenancyRepository::user)
			.list();
	}

	public void insertProject(Project project) {
		this.jdbc
			.sql("insert into project (id, customer_id, identifier, display_name, created_at) values (?, ?, ?, ?, ?)")
			.params(project.id(), project.customerId(), project.identifier(), project.displayName(),
					Timestamps.of(project.createdAt()))
			.update();
	}

	public Optional<Project> project(UUID customerId, String identifier) {
		return this.jdbc.sql("select * from project where customer_id = ? and identifier = ?")
			.params(customerId, identifier)
			.query(TenancyRepository::project)
			.optional();
	}

	/** A project by its customer's identifier and its own, in one query. */
	public Optional<Project> project(String customerIdentifier, String projectIdentifier) {
		return this.jdbc.sql("""
				select p.* from project p join customer c on c.id = p.customer_id
				where c.identifier = ? and p.identifier = ?""")
			.params(customerIdentifier, projectIdentifier)
			.query(TenancyRepository::project)
			.optional();
	}

	public Optional<Project> projectById(UUID id) {
		return this.jdbc.sql("select * from project where id = ?")
			.param(id)
			.query(TenancyRepository::project)
			.optional();
	}

	public List<Project> projectsOf(UUID customerId) {
		return this.jdbc.sql("select * from project where customer_id = ? order by identifier")
			.param(customerId)
			.query(TenancyRepository::project)
			.list();
	}

	public void insertLocation(Location location) {
		this.jdbc.sql("insert into location (id, identifier, display_name, created_at) values (?, ?, ?, ?)")
			.params(location.id(), location.identifier(), location.displayName(), Timestamps.of(location.createdAt()))
			.update();
	}

	public Optional<Location> location(String identifier) {
		return this.jdbc.sql("select * from location where identifier = ?")
			.param(identifier)
			.query(TenancyRepository::location)
			.optional();
	}

	public List<Location> locations() {
		return this.jdbc.sql("select * from location order by identifier").query(TenancyRepository::location).list();
	}

	public boolean addMarketplace(UUID projectId, String marketplace, Instant now) {
		boolean present = this.jdbc
			.sql("select count(*) from project_marketplace where project_id = ? and marketplace = ?")
			.params(projectId, marketplace)
			.query(Long.class)
			.single() > 0;
		if (present) {
			return false;
		}
		this.jdbc.sql("insert into project_marketplace (project_id, marketplace, added_at) values (?, ?, ?)")
			.params(projectId, marketplace, Timestamps.of(now))
			.update();
		return true;
	}

	public List<String> marketplacesOf(UUID projectId) {
		return this.jdbc
			.sql("select marketplace from project_marketplace where project_id = ? order by added_at, marketplace")
			.param(projectId)
			.query(String.class)
			.list();
	}

	static Customer customer(ResultSet rs, int row) throws SQLException {
		return new Customer(rs.getObject("id", UUID.class), rs.getString("identifier"), rs.getString("display_name"),
				rs.getBoolean("private_marketplace"), Timestamps.read(rs, "created_at"));
	}

	static UserAccount user(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"),
				Role.valueOf(rs.getString("role")), rs.getObject("customer_id", UUID.class),
				Timestamps.read(rs, "created_at"));
	}

	static Project project(ResultSet rs, int row) throws SQLException {
		return new Project(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
				rs.getString("identifier"), rs.getString("display_name"), Timestamps.read(rs, "created_at"));
	}

	static Location location(ResultSet rs, int row) throws SQLException {
		return new Location(rs.getObject("id", UUID.class), rs.getString("identifier"), rs.getString("display_name"),
				Timestamps.read(rs, "created_at"));
	}

}
