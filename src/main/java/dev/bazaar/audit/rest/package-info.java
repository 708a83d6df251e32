/** The audit trail JSON API. */
@NullMarked
package dev.bazaar.audit.rest;

import org.jspecify.annotations.NullMarked;
