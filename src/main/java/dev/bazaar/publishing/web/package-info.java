/**
 * The publishing pages: publishing a broker to a location, revoking and refreshing a
 * publication, and the partner admin's approval queue.
 */
@NullMarked
package dev.bazaar.publishing.web;

import org.jspecify.annotations.NullMarked;
