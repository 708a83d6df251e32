package dev.bazaar.commlog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import dev.bazaar.commlog.BrokerDirectory.LoggedBroker;

/**
 * The brokers found by identifier for their logs in the last moments, so that a series of
 * searches of one broker (paging on, a search typed letter by letter) asks the broker
 * module once: that lookup is a statement of its own, as costly as the search's.
 * <p>
 * What it knows may be as old as its time to live: a broker deleted meanwhile is still
 * found, so that its owner may read its logs that much longer; an identifier that a new
 * broker took meanwhile still leads to the old broker, whose owner alone may read them.
 * Who may read is decided on every request all the same. A time to live of zero turns it
 * off.
 */
final class RecentBrokers {

	/** Entries kept at most; all are dropped when it is reached. */
	static final int MAX_ENTRIES = 1000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	RecentBrokers(Duration ttl, LongSupplier nanoTime) {
		this.ttlNanos = ttl.toNanos();
		this.nanoTime = nanoTime;
	}

	/** The broker remembered for the identifier, or else the one {@code lookup} finds. */
	Optional<LoggedBroker> find(String identifier, Function<String, Optional<LoggedBroker>> lookup) {
		if (this.ttlNanos <= 0) {
			return lookup.apply(identifier);
		}
		long now = this.nanoTime.getAsLong();
		Entry entry = this.entries.get(identifier);
		if (entry != null && now - entry.expiresAt() < 0) {
			return Optional.of(entry.broker());
		}
		Optional<LoggedBroker> found = lookup.apply(identifier);
		if (found.isEmpty()) {
			this.entries.remove(identifier);
			return found;
		}
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		this.entries.put(identifier, new Entry(found.get(), now + this.ttlNanos));
		return found;
	}

	private record Entry(LoggedBroker broker, long expiresAt) {
	}

}
