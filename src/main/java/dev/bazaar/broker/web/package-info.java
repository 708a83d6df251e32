/**
 * The broker owner's pages: the list of brokers, registration, a broker with its catalog,
 * editing, refresh and deletion.
 */
@NullMarked
package dev.bazaar.broker.web;

import org.jspecify.annotations.NullMarked;
