/**
 * Service instances and bindings: Bazaar drives brokers through provision, update, bind,
 * unbind and deprovision, synchronous or asynchronous, with polling and orphan mitigation
 * as the OSB spec asks.
 */
@NullMarked
package dev.bazaar.instance;

import org.jspecify.annotations.NullMarked;
