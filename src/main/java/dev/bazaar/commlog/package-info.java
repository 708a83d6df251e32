/**
 * Communication logs: every HTTP exchange between Bazaar and a broker, kept append-only,
 * searchable by the broker's owner and by partner admins.
 */
@NullMarked
package dev.bazaar.commlog;

import org.jspecify.annotations.NullMarked;
