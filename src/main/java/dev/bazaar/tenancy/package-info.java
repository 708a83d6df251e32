/**
 * Customers (tenants), their users and roles, projects, locations and the marketplaces a
 * project added; who may see and change what.
 */
@NullMarked
package dev.bazaar.tenancy;

import org.jspecify.annotations.NullMarked;
