/** Web helpers shared by the modules' controllers: problem details, error pages. */
@NullMarked
package dev.bazaar.shared.web;

import org.jspecify.annotations.NullMarked;
