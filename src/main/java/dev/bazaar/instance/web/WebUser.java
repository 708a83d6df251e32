package dev.bazaar.instance.web;

import dev.bazaar.tenancy.CurrentUser;

import org.springframework.security.access.AccessDeniedException;

/** The customer of the signed-in user; these pages are for a customer's users. */
final class WebUser {

	private WebUser() {
	}

	static String customer() {
		String identifier = CurrentUser.get().customerIdentifier();
		if (identifier == null) {
			throw new AccessDeniedException("These pages are for a customer's users");
		}
		return identifier;
	}

}
