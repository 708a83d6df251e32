/**
 * Web pieces shared by the modules: problem details for the JSON API, and for pages the
 * {@link dev.bazaar.shared.web.PageController} marker, error pages, layout model and form
 * errors.
 */
@NullMarked
package dev.bazaar.shared.web;

import org.jspecify.annotations.NullMarked;
