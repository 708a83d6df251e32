/** What a project can order: the services of every marketplace the project added. */
@NullMarked
package dev.bazaar.marketplace;

import org.jspecify.annotations.NullMarked;
