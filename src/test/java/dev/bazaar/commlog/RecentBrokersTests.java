package dev.bazaar.commlog;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.bazaar.commlog.BrokerDirectory.LoggedBroker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentBrokersTests {

	private final AtomicLong now = new AtomicLong();

	private final AtomicInteger lookups = new AtomicInteger();

	private final LoggedBroker broker = new LoggedBroker(UUID.randomUUID(), "mysql", UUID.randomUUID());

	private final Function<String, Optional<LoggedBroker>> directory = (identifier) -> {
		this.lookups.incrementAndGet();
		return identifier.equals("mysql") ? Optional.of(this.broker) : Optional.empty();
	};

	@Test
	void asksTheDirectoryOnceWithinTheTimeToLive() {
		RecentBrokers recent = new RecentBrokers(Duration.ofSeconds(5), this.now::get);

		assertThat(recent.find("mysql", this.directory)).contains(this.broker);
		this.now.addAndGet(Duration.ofMillis(4999).toNanos());
		assertThat(recent.find("mysql", this.directory)).contains(this.broker);

		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void asksAgainOnceTheTimeToLivePassed() {
		RecentBrokers recent = new RecentBrokers(Duration.ofSeconds(5), this.now::get);

		recent.find("mysql", this.directory);
		this.now.addAndGet(Duration.ofSeconds(5).toNanos());
		recent.find("mysql", this.directory);

		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void remembersNoBrokerThatIsNotThere() {
		RecentBrokers recent = new RecentBrokers(Duration.ofSeconds(5), this.now::get);

		assertThat(recent.find("gone", this.directory)).isEmpty();
		assertThat(recent.find("gone", this.directory)).isEmpty();

		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void remembersNothingWithoutATimeToLive() {
		RecentBrokers recent = new RecentBrokers(Duration.ZERO, this.now::get);

		recent.find("mysql", this.directory);
		recent.find("mysql", this.directory);

		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void forgetsAllWhenFull() {
		RecentBrokers recent = new RecentBrokers(Duration.ofSeconds(5), this.now::get);
		recent.find("mysql", this.directory);
		for (int i = 1; i < RecentBrokers.MAX_ENTRIES; i++) {
			String identifier = "b" + i;
			recent.find(identifier, (id) -> Optional.of(new LoggedBroker(UUID.randomUUID(), id, UUID.randomUUID())));
		}

		recent.find("other", (id) -> Optional.of(new LoggedBroker(UUID.randomUUID(), id, UUID.randomUUID())));
		recent.find("mysql", this.directory);

		assertThat(this.lookups).hasValue(2);
	}

}
