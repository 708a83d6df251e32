package dev.bazaar.catalog.internal;

import java.util.Collection;
import java.util.Set;

/** Tells which service and plan ids the stored catalogs of other brokers use. */
public interface OtherBrokersIds {

	/** Those of the given service ids that another broker's catalog has. */
	Set<String> serviceIds(Collection<String> candidates);

	/** Those of the given plan ids that another broker's catalog has. */
	Set<String> planIds(Collection<String> candidates);

	/** No other broker: for validating a catalog on its own. */
	static OtherBrokersIds none() {
		return of(Set.of(), Set.of());
	}

	/** Other brokers using exactly these ids. */
	static OtherBrokersIds of(Set<String> serviceIds, Set<String> planIds) {
		return new OtherBrokersIds() {

			@Override
			public Set<String> serviceIds(Collection<String> candidates) {
				return Set.copyOf(candidates.stream().filter(serviceIds::contains).toList());
			}

			@Override
			public Set<String> planIds(Collection<String> candidates) {
				return Set.copyOf(candidates.stream().filter(planIds::contains).toList());
			}

		};
	}

}
