package dev.bazaar.tenancy;

/**
 * What a user may do: operate the platform, manage a customer, or use its marketplace.
 */
public enum Role {

	PARTNER_ADMIN, CUSTOMER_ADMIN, CUSTOMER_EMPLOYEE

}
