/** JDBC helpers shared by the modules' repositories. */
@NullMarked
package dev.bazaar.shared.jdbc;

import org.jspecify.annotations.NullMarked;
