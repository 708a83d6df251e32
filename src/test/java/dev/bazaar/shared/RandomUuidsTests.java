package dev.bazaar.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RandomUuidsTests {

	@Test
	void makesDistinctVersion4UuidsOfTheIetfVariant() {
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			UUID uuid = RandomUuids.next();
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(UUID.fromString(uuid.toString())).isEqualTo(uuid);
			seen.add(uuid);
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void threadsDrawDifferentUuids() throws Exception {
		Set<UUID> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			threads[t] = new Thread(() -> {
				for (int i = 0; i < 1000; i++) {
					seen.add(RandomUuids.next());
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(seen).hasSize(4000);
	}

}
