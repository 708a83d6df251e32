/**
 * The small technical kernel every module may use: domain errors, identifiers, crypto,
 * JDBC and web helpers.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.bazaar.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
