package dev.bazaar.tenancy.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.bazaar.tenancy.Role;
import dev.bazaar.tenancy.TenancyCommands.NewUser;

/** The form that creates a user of a customer. */
public class UserForm {

	/** The roles a customer's user may have. */
	static final List<Role> ROLES = List.of(Role.CUSTOMER_EMPLOYEE, Role.CUSTOMER_ADMIN);

	private String username = "";

	private String password = "";

	private @Nullable Role role = Role.CUSTOMER_EMPLOYEE;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username.strip();
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public @Nullable Role getRole() {
		return this.role;
	}

	public void setRole(@Nullable Role role) {
		this.role = role;
	}

	NewUser toCommand() {
		return new NewUser(this.username, this.password, this.role);
	}

}
