/**
 * The consumer's pages: create, watch, change and delete service instances and their
 * bindings, and the failed instances of a customer's brokers.
 */
@NullMarked
package dev.bazaar.instance.web;

import org.jspecify.annotations.NullMarked;
