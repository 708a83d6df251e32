package dev.bazaar.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that ids or names are used once, and remembers where each was seen.
 */
final class UniqueValues {

	private final String what;

	private final Map<String, String> firstOwner = new HashMap<>();

	private final List<Occurrence> occurrences = new ArrayList<>();

	/**
	 * @param what what the values are, for messages: {@code id} or {@code name}
	 */
	UniqueValues(String what) {
		this.what = what;
	}

	/**
	 * Records a value; reports it if an earlier owner has it already.
	 * @param value the id or name; empty (already reported as wrong) is ignored
	 * @param owner the path of the object that has it, for example {@code services[0]}
	 */
	void add(String value, String owner, Problems problems) {
		if (value.isEmpty()) {
			return;
		}
		String earlier = this.firstOwner.putIfAbsent(value, owner);
		if (earlier != null) {
			problems.add(owner + "." + this.what, "'" + value + "' is also the " + this.what + " of " + earlier);
		}
		this.occurrences.add(new Occurrence(value, owner + "." + this.what));
	}

	List<Occurrence> occurrences() {
		return List.copyOf(this.occurrences);
	}

	List<String> values() {
		return List.copyOf(this.firstOwner.keySet());
	}

	/** Where a value was seen: its path, for example {@code services[0].id}. */
	record Occurrence(String value, String path) {
	}

}
