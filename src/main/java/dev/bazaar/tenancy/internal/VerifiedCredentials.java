package dev.bazaar.tenancy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.Authentication;

/**
 * Remembers for a short time which HTTP Basic credentials were verified, and as whom. An
 * entry is keyed by an HMAC-SHA256 of username and password under a key made at random
 * for this process, so neither the password nor a hash that could be attacked offline is
 * kept. Bounded: when full and nothing has expired, new credentials are verified but not
 * remembered. Requests that arrive with the same credentials while they are being
 * verified wait for that one verification instead of hashing the password again each (at
 * expiry, a busy client's concurrent requests would otherwise all miss together).
 */
final class VerifiedCredentials {

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Authentication>> verifying = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final int maxEntries;

	private final Clock clock;

	private final Mac prototype;

	VerifiedCredentials(Duration ttl, int maxEntries, Clock clock) {
		this.ttl = ttl;
		this.maxEntries = maxEntries;
		this.clock = clock;
		this.prototype = hmac();
	}

	boolean enabled() {
		return !this.ttl.isNegative() && !this.ttl.isZero() && this.maxEntries > 0;
	}

	/** Who was verified with exactly these credentials less than the TTL ago. */
	Optional<Authentication> find(String username, String password) {
		String key = key(username, password);
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return Optional.empty();
		}
		if (!this.clock.instant().isBefore(entry.expiresAt())) {
			this.entries.remove(key, entry);
			return Optional.empty();
		}
		return Optional.of(entry.authentication());
	}

	/**
	 * The result of the verification of these credentials: the one running now, started
	 * by another request, or a new one. A success is remembered; a failure is shared with
	 * the requests that waited for it, and never remembered.
	 */
	Authentication verifyOnce(String username, String password, Supplier<Authentication> verification) {
		String key = key(username, password);
		CompletableFuture<Authentication> mine = new CompletableFuture<>();
		CompletableFuture<Authentication> running = this.verifying.putIfAbsent(key, mine);
		if (running != null) {
			try {
				return running.join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
			}
		}
		try {
			Authentication result = verification.get();
			if (result != null && result.isAuthenticated()) {
				rememberKey(key, username, result);
			}
			mine.complete(result);
			return result;
		}
		catch (RuntimeException | Error ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.verifying.remove(key, mine);
		}
	}

	/** Remembers a successful verification until the TTL has passed. */
	void remember(String username, String password, Authentication authentication) {
		rememberKey(key(username, password), username, authentication);
	}

	private void rememberKey(String key, String username, Authentication authentication) {
		Instant now = this.clock.instant();
		if (this.entries.size() >= this.maxEntries) {
			this.entries.values().removeIf((entry) -> !now.isBefore(entry.expiresAt()));
			if (this.entries.size() >= this.maxEntries) {
				return;
			}
		}
		this.entries.put(key, new Entry(username, authentication, now.plus(this.ttl)));
	}

	/** Forgets every verification of the user, as after a change of password. */
	void forget(String username) {
		this.entries.values().removeIf((entry) -> entry.username().equals(username));
	}

	int size() {
		return this.entries.size();
	}

	private String key(String username, String password) {
		try {
			Mac mac = (Mac) this.prototype.clone();
			// Usernames cannot contain a colon in HTTP Basic, so the pair is unambiguous.
			byte[] digest = mac.doFinal((username + ":" + password).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("HmacSHA256 cannot be cloned", ex);
		}
	}

	private static Mac hmac() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private record Entry(String username, Authentication authentication, Instant expiresAt) {
	}

}
