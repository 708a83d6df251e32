/** The audit trail page. */
@NullMarked
package dev.bazaar.audit.web;

import org.jspecify.annotations.NullMarked;
