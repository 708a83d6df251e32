@NullMarked
package dev.bazaar.analytics.web;

import org.jspecify.annotations.NullMarked;
