package dev.bazaar.tenancy.web;

import dev.bazaar.tenancy.BazaarUser;
import dev.bazaar.tenancy.CurrentUser;

import org.springframework.security.access.AccessDeniedException;

/** The customer of the signed-in user, for pages that show "my customer's" data. */
final class OwnCustomer {

	private OwnCustomer() {
	}

	/** The identifier of the user's customer; partner admins have none. */
	static String identifier() {
		String identifier = CurrentUser.get().customerIdentifier();
		if (identifier == null) {
			throw new AccessDeniedException("This page is for a customer's users");
		}
		return identifier;
	}

	static boolean isPartnerAdmin() {
		return CurrentUser.find().map(BazaarUser::isPartnerAdmin).orElse(false);
	}

}
