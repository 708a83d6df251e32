/**
 * Service broker registrations: register, edit, refresh the catalog (on demand and
 * periodically, claimed through the database), delete; credentials encrypted at rest.
 */
@NullMarked
package dev.bazaar.broker;

import org.jspecify.annotations.NullMarked;
