/**
 * Publications of brokers to locations: each its own https deployment with trusted
 * certificate, credentials and catalog, waiting for a Partner Admin's approval before it
 * reaches marketplaces.
 */
@NullMarked
package dev.bazaar.publishing;

import org.jspecify.annotations.NullMarked;
