/**
 * An example Open Service Broker served by Bazaar itself at {@code /example-broker}, so
 * that a new user can register a broker and create an instance minutes after the quick
 * start; switched on by {@code bazaar.example-broker.enabled}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Example broker")
@NullMarked
package dev.bazaar.examplebroker;

import org.jspecify.annotations.NullMarked;
