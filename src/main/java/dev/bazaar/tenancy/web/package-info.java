/** The tenancy pages: sign-in, customers, locations, projects and users. */
@NullMarked
package dev.bazaar.tenancy.web;

import org.jspecify.annotations.NullMarked;
