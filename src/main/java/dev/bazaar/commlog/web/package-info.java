/** The communication log pages: a broker's logs, newest first, and one log in full. */
@NullMarked
package dev.bazaar.commlog.web;

import org.jspecify.annotations.NullMarked;
