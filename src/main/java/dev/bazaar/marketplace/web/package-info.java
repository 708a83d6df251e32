/**
 * The marketplace pages: the services a project can order, and their plans.
 */
@NullMarked
package dev.bazaar.marketplace.web;

import org.jspecify.annotations.NullMarked;
