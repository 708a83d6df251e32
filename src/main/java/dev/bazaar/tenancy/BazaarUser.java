package dev.bazaar.tenancy;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user: who it is, its role and its customer (none for partner admins). */
public final class BazaarUser implements UserDetails {

	private final UUID id;

	private final String username;

	private @Nullable String passwordHash;

	private final Role role;

	private final @Nullable UUID customerId;

	private final @Nullable String customerIdentifier;

	public BazaarUser(UUID id, String username, @Nullable String passwordHash, Role role, @Nullable UUID customerId,
			@Nullable String customerIdentifier) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.customerId = customerId;
		this.customerIdentifier = customerIdentifier;
	}

	public UUID id() {
		return this.id;
	}

	public Role role() {
		return this.role;
	}

	public @Nullable UUID customerId() {
		return this.customerId;
	}

	public @Nullable String customerIdentifier() {
		return this.customerIdentifier;
	}

	public boolean isPartnerAdmin() {
		return this.role == Role.PARTNER_ADMIN;
	}

	public boolean isCustomerAdmin() {
		return this.role == Role.CUSTOMER_ADMIN;
	}

	/** Whether the user belongs to the given customer. */
	public boolean belongsTo(UUID customer) {
		return customer.equals(this.customerId);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	/** Drops the password hash once authentication is done. */
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "BazaarUser[" + this.username + ", " + this.role + "]";
	}

}
