@NullMarked
package dev.bazaar.analytics.rest;

import org.jspecify.annotations.NullMarked;
