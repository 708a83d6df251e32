package dev.bazaar.commlog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.bazaar.shared.jdbc.Timestamps;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code log_body}: each long body of a log stored once, under the SHA-256 of its
 * text, however many logs use it (ADR 0010). A body is kept while a log that may use it
 * is: {@code last_logged_at} is at most {@link #RENEWAL} older than the newest such log.
 */
@Repository
public class LogBodies {

	/**
	 * How far a body's {@code last_logged_at} may lag behind the logs that use it: a log
	 * renews it only when it is older, so that a body logged again and again is not
	 * written again each time.
	 */
	public static final Duration RENEWAL = Duration.ofDays(1);

	private static final int ATTEMPTS = 3;

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;

	private final int minLength;

	private final int maxLength;

	LogBodies(JdbcClient jdbc, @Value("${bazaar.commlog.shared-body-min-length:4096}") int minLength,
			@Value("${bazaar.commlog.max-body-length:1048576}") int maxLength) {
		this.jdbc = jdbc;
		this.minLength = Math.max(1, minLength);
		this.maxLength = Math.max(1, maxLength);
	}

	/**
	 * How a log's row holds the body: in its own column when short, by its hash when
	 * long. Computes the hash, touches no table.
	 */
	StoredBody columns(@Nullable String body) {
		String text = cut(body);
		if (text == null || text.length() < this.minLength) {
			return new StoredBody(text, null, null);
		}
		return new StoredBody(null, sha256(text), text);
	}

	/**
	 * How a log's row holds the body, which, when long, is in {@code log_body} once this
	 * returns.
	 */
	StoredBody store(@Nullable String body, Instant loggedAt) {
		StoredBody stored = columns(body);
		if (stored.hash() != null && stored.shared() != null) {
			keep(stored.hash(), stored.shared(), loggedAt);
		}
		return stored;
	}

	/**
	 * The body as stored: whole up to {@code bazaar.commlog.max-body-length} characters,
	 * else its beginning and a line saying so.
	 */
	@Nullable String cut(@Nullable String body) {
		if (body == null || body.length() <= this.maxLength) {
			return body;
		}
		return body.substring(0, this.maxLength) + "\n[cut by Bazaar: the body had " + body.length()
				+ " characters, the first " + this.maxLength + " are stored (bazaar.commlog.max-body-length)]";
	}

	/** For logs stored together: each distinct long body kept once. */
	Batch batch() {
		return new Batch();
	}

	/**
	 * Makes sure {@code log_body} holds the body under its hash for a log requested at
	 * {@code loggedAt}: sends the body only when the table lacks it, renews it only when
	 * its {@code last_logged_at} is more than {@link #RENEWAL} older; a body stored at
	 * the same time by another node counts as stored.
	 */
	void keep(String hash, String body, Instant loggedAt) {
		Instant renewBefore = loggedAt.minus(RENEWAL);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<Instant> lastLogged = lastLogged(hash);
			if (lastLogged.isPresent() && !lastLogged.get().isBefore(renewBefore)) {
				return;
			}
			// Either can find another node first (it stored, renewed, or the retention
			// deleted the body): the next attempt reads what it did.
			if ((lastLogged.isEmpty()) ? insert(hash, body, loggedAt) : renew(hash, loggedAt, renewBefore)) {
				return;
			}
		}
		throw new IllegalStateException("Could not store the body " + hash + " in " + ATTEMPTS + " attempts");
	}

	/**
	 * Deletes up to {@code batch} bodies that no log requested at or after {@code cutoff}
	 * can use, oldest first; returns how many it deleted.
	 */
	public int deleteUnusedBefore(Instant cutoff, int batch) {
		return this.jdbc.sql("""
				delete from log_body where hash in (
				  select hash from log_body where last_logged_at < ? order by last_logged_at limit ?)""")
			.params(Timestamps.of(cutoff.minus(RENEWAL)), batch)
			.update();
	}

	private Optional<Instant> lastLogged(String hash) {
		return this.jdbc.sql("select last_logged_at from log_body where hash = ?")
			.param(hash)
			.query((rs, row) -> Timestamps.read(rs, "last_logged_at"))
			.optional();
	}

	private boolean insert(String hash, String body, Instant loggedAt) {
		return this.jdbc.sql("""
				insert into log_body (hash, body, last_logged_at) values (?, ?, ?)
				on conflict do nothing""").params(hash, body, Timestamps.of(loggedAt)).update() == 1;
	}

	private boolean renew(String hash, Instant loggedAt, Instant renewBefore) {
		return this.jdbc.sql("update log_body set last_logged_at = ? where hash = ? and last_logged_at < ?")
			.params(Timestamps.of(loggedAt), hash, Timestamps.of(renewBefore))
			.update() == 1;
	}

	static String sha256(String text) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The long bodies of logs stored together, each kept once, for its newest log. */
	final class Batch {

		private final Map<String, Kept> bodies = new LinkedHashMap<>();

		/** How a log's row holds the body; a long one is kept by {@link #keepAll}. */
		StoredBody add(@Nullable String body, Instant loggedAt) {
			StoredBody stored = columns(body);
			if (stored.hash() != null && stored.shared() != null) {
				this.bodies.merge(stored.hash(), new Kept(stored.shared(), loggedAt), Kept::later);
			}
			return stored;
		}

		void keepAll() {
			this.bodies.forEach((hash, kept) -> keep(hash, kept.body(), kept.loggedAt()));
		}

	}

	private record Kept(String body, Instant loggedAt) {

		Kept later(Kept other) {
			return other.loggedAt().isAfter(this.loggedAt) ? other : this;
		}

	}

	/**
	 * A body as a log's row holds it.
	 *
	 * @param inline the body itself when it is short (or null), else null
	 * @param hash the hash of its {@code log_body} row when it is long, else null
	 * @param shared the text of its {@code log_body} row when it is long, else null
	 */
	record StoredBody(@Nullable String inline, @Nullable String hash, @Nullable String shared) {
	}

}
