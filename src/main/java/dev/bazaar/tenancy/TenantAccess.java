package dev.bazaar.tenancy;

import java.util.UUID;

import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.tenancy.internal.TenancyRepository;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Decides who may see and change a customer's data. Another customer's data answers "not
 * found", exactly as if it did not exist; a role that lacks a right is "forbidden".
 */
@Component
public class TenantAccess {

	private final TenancyRepository repository;

	TenantAccess(TenancyRepository repository) {
		this.repository = repository;
	}

	/** The customer, for partner admins and the customer's own users. */
	public Customer customerForMember(String customerIdentifier) {
		return visibleCustomer(customerIdentifier);
	}

	/**
	 * The customer, for its customer admins (and partner admins when
	 * {@code partnerAdminToo}).
	 */
	public Customer customerForAdmin(String customerIdentifier, boolean partnerAdminToo) {
		Customer customer = visibleCustomer(customerIdentifier);
		requireAdminOf(customer.id(), partnerAdminToo);
		return customer;
	}

	/**
	 * Checks that the current user administers the customer that owns something it can
	 * see.
	 */
	public void requireAdminOf(UUID customerId, boolean partnerAdminToo) {
		BazaarUser user = CurrentUser.get();
		if (user.isPartnerAdmin()) {
			if (!partnerAdminToo) {
				throw new AccessDeniedException("Only the customer's own administrators may do this");
			}
			return;
		}
		if (!user.belongsTo(customerId)) {
			throw new ResourceNotFound("No such resource");
		}
		if (!user.isCustomerAdmin()) {
			throw new AccessDeniedException("Only customer administrators may do this");
		}
	}

	/** Whether the current user may see data owned by the customer. */
	public boolean canSee(UUID customerId) {
		BazaarUser user = CurrentUser.get();
		return user.isPartnerAdmin() || user.belongsTo(customerId);
	}

	/** Checks that the current user is a partner admin. */
	public void requirePartnerAdmin() {
		if (!CurrentUser.get().isPartnerAdmin()) {
			throw new AccessDeniedException("Only partner administrators may do this");
		}
	}

	private Customer visibleCustomer(String customerIdentifier) {
		Customer customer = this.repository.customerByIdentifier(customerIdentifier)
			.orElseThrow(() -> notFound(customerIdentifier));
		if (!canSee(customer.id())) {
			throw notFound(customerIdentifier);
		}
		return customer;
	}

	private static ResourceNotFound notFound(String customerIdentifier) {
		return new ResourceNotFound("There is no customer '" + customerIdentifier + "'");
	}

}
