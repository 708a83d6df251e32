/**
 * Catalogs of broker deployments (a broker's private registration and each publication):
 * validation against the OSB spec, storage, what changed at each refresh, plans offered
 * and plans retired.
 */
@NullMarked
package dev.bazaar.catalog;

import org.jspecify.annotations.NullMarked;
