package dev.bazaar.tenancy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.bazaar.tenancy.BazaarUser;
import dev.bazaar.tenancy.Role;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingBasicAuthenticationProviderTests {

	private final MovableClock clock = new MovableClock();

	private final CountingEncoder encoder = new CountingEncoder();

	private String storedHash = this.encoder.encode("right");

	private final DaoAuthenticationProvider verifier = new DaoAuthenticationProvider((username) -> {
		if (!username.equals("alice")) {
			throw new UsernameNotFoundException("No such user");
		}
		return new BazaarUser(UUID.randomUUID(), "alice", this.storedHash, Role.CUSTOMER_EMPLOYEE, UUID.randomUUID(),
				"acme");
	});

	private final VerifiedCredentials verified = new VerifiedCredentials(Duration.ofSeconds(60), 100, this.clock);

	private final CachingBasicAuthenticationProvider provider = new CachingBasicAuthenticationProvider(this.verifier,
			this.verified);

	CachingBasicAuthenticationProviderTests() {
		this.verifier.setPasswordEncoder(this.encoder);
		this.encoder.matches.set(0);
	}

	@Test
	void answersTheSameUserAgainWithoutHashingThePassword() {
		Authentication first = this.provider.authenticate(request("alice", "right"));
		Authentication second = this.provider.authenticate(request("alice", "right"));
		assertThat(this.encoder.matches).hasValue(1);
		assertThat(second.isAuthenticated()).isTrue();
		assertThat(second.getPrincipal()).isSameAs(first.getPrincipal());
		assertThat(List.copyOf(second.getAuthorities())).isEqualTo(List.copyOf(first.getAuthorities()));
		assertThat(second.getCredentials()).isNull();
		assertThat(second).isNotSameAs(first);
	}

	@Test
	void verifiesAgainOnceTheTtlHasPassed() {
		this.provider.authenticate(request("alice", "right"));
		this.clock.advance(Duration.ofSeconds(59));
		this.provider.authenticate(request("alice", "right"));
		assertThat(this.encoder.matches).hasValue(1);
		this.clock.advance(Duration.ofSeconds(1));
		this.provider.authenticate(request("alice", "right"));
		assertThat(this.encoder.matches).hasValue(2);
	}

	@Test
	void aChangedPasswordStopsWorkingOnceTheTtlHasPassed() {
		this.provider.authenticate(request("alice", "right"));
		this.storedHash = this.encoder.encode("new");
		this.clock.advance(Duration.ofSeconds(61));
		assertThatThrownBy(() -> this.provider.authenticate(request("alice", "right")))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(this.provider.authenticate(request("alice", "new")).isAuthenticated()).isTrue();
	}

	@Test
	void wrongPasswordsFailEveryTimeAndAreNeverRemembered() {
		this.provider.authenticate(request("alice", "right"));
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> this.provider.authenticate(request("alice", "wrong")))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> this.provider.authenticate(request("mallory", "right")))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(this.encoder.matches).hasValue(1 + 3 + 1);
		assertThat(this.verified.size()).isEqualTo(1);
	}

	@Test
	void forgetsAUserAtOnceWhenAsked() {
		this.provider.authenticate(request("alice", "right"));
		this.verified.forget("alice");
		this.provider.authenticate(request("alice", "right"));
		assertThat(this.encoder.matches).hasValue(2);
	}

	@Test
	void aTtlOfZeroVerifiesEveryRequest() {
		CachingBasicAuthenticationProvider uncached = new CachingBasicAuthenticationProvider(this.verifier,
				new VerifiedCredentials(Duration.ZERO, 100, this.clock));
		uncached.authenticate(request("alice", "right"));
		uncached.authenticate(request("alice", "right"));
		assertThat(this.encoder.matches).hasValue(2);
	}

	@Test
	void remembersNoMoreThanItsBoundWhileNothingHasExpired() {
		VerifiedCredentials small = new VerifiedCredentials(Duration.ofSeconds(60), 1, this.clock);
		Authentication user = this.provider.authenticate(request("alice", "right"));
		small.remember("alice", "right", user);
		small.remember("bob", "other", user);
		assertThat(small.find("bob", "other")).isEmpty();
		this.clock.advance(Duration.ofSeconds(60));
		small.remember("bob", "other", user);
		assertThat(small.find("bob", "other")).isPresent();
		assertThat(small.size()).isEqualTo(1);
	}

	@Test
	void concurrentRequestsWithTheSameCredentialsShareOneVerification() throws Exception {
		this.encoder.delay = Duration.ofMillis(300);
		List<Authentication> results = concurrently(16, () -> this.provider.authenticate(request("alice", "right")));
		assertThat(this.encoder.matches).hasValue(1);
		assertThat(results).hasSize(16).allMatch(Authentication::isAuthenticated);
		Set<Authentication> tokens = Collections.newSetFromMap(new IdentityHashMap<>());
		tokens.addAll(results);
		assertThat(tokens).as("a token per request").hasSize(16);
		assertThat(results).allMatch((result) -> result.getCredentials() == null);
	}

	@Test
	void concurrentRequestsWithTheSameWrongPasswordShareTheFailureWhichIsNotRemembered() throws Exception {
		this.encoder.delay = Duration.ofMillis(300);
		List<Object> outcomes = concurrently(8, () -> {
			try {
				return this.provider.authenticate(request("alice", "wrong"));
			}
			catch (BadCredentialsException ex) {
				return ex;
			}
		});
		assertThat(outcomes).allMatch(BadCredentialsException.class::isInstance);
		assertThat(this.encoder.matches).hasValue(1);
		assertThatThrownBy(() -> this.provider.authenticate(request("alice", "wrong")))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(this.encoder.matches).hasValue(2);
	}

	@Test
	void differentCredentialsAreVerifiedEachOnTheirOwn() throws Exception {
		this.encoder.delay = Duration.ofMillis(200);
		concurrently(2, new Supplier<Object>() {
			private final AtomicInteger next = new AtomicInteger();

			@Override
			public Object get() {
				String password = (this.next.getAndIncrement() == 0) ? "right" : "wrong";
				try {
					return CachingBasicAuthenticationProviderTests.this.provider
						.authenticate(request("alice", password));
				}
				catch (BadCredentialsException ex) {
					return ex;
				}
			}
		});
		assertThat(this.encoder.matches).hasValue(2);
	}

	/** Runs the call on that many threads released at once; their results. */
	private static <T> List<T> concurrently(int threads, Supplier<T> call) throws Exception {
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.get();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void keysDoNotHoldThePassword() {
		this.provider.authenticate(request("alice", "right"));
		assertThat(this.verified.find("alice", "right")).isPresent();
		assertThat(this.verified.find("alice", "righ")).isEmpty();
		assertThat(this.verified.find("alic", "eright")).isEmpty();
	}

	private static UsernamePasswordAuthenticationToken request(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

	/** Bcrypt at its lowest cost, counting the verifications. */
	private static final class CountingEncoder implements PasswordEncoder {

		final AtomicInteger matches = new AtomicInteger();

		/** How long a verification takes besides the hash, so that requests overlap. */
		volatile Duration delay = Duration.ZERO;

		private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

		@Override
		public String encode(CharSequence raw) {
			return this.bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			this.matches.incrementAndGet();
			try {
				Thread.sleep(this.delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return this.bcrypt.matches(raw, encoded);
		}

	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2025-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
