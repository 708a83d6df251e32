package dev.bazaar.shared.jdbc;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refresh times of a table whose rows are refreshed periodically and on demand
 * ({@code next_refresh_at}, {@code last_refresh_at}, {@code prior_refresh_at}, keyed by
 * {@code id}): brokers and publications.
 */
public final class RefreshTimes {

	private final JdbcClient jdbc;

	private final String table;

	/**
	 * @param jdbc the client
	 * @param table the table, a constant of the caller's (never user input)
	 */
	public RefreshTimes(JdbcClient jdbc, String table) {
		this.jdbc = jdbc;
		this.table = table;
	}

	/** Records a refresh started on demand; the periodic one is due an interval later. */
	public void startRefresh(UUID id, Instant now, Instant next) {
		this.jdbc
			.sql("update " + this.table + " set next_refresh_at = ?, prior_refresh_at = last_refresh_at, "
					+ "last_refresh_at = ? where id = ?")
			.params(Timestamps.of(next), Timestamps.of(now), id)
			.update();
	}

	/**
	 * Claims a due periodic refresh by moving its due time forward, only if no other node
	 * moved it since it was read: exactly one node wins each refresh. Records when it
	 * started, the one write of a refresh that finds the catalog unchanged (ADR 0009).
	 */
	public boolean claim(DueRefresh due, Instant now, Instant next) {
		return this.jdbc
			.sql("update " + this.table + " set next_refresh_at = ?, prior_refresh_at = last_refresh_at, "
					+ "last_refresh_at = ? where id = ? and next_refresh_at = ?")
			.params(Timestamps.of(next), Timestamps.of(now), due.id(), Timestamps.of(due.dueAt()))
			.update() == 1;
	}

	/** When the row's last refresh started, or null. */
	public @Nullable Instant lastRefreshAt(UUID id) {
		return time(id, "last_refresh_at");
	}

	/** When the refresh before the last one started, or null. */
	public @Nullable Instant priorRefreshAt(UUID id) {
		return time(id, "prior_refresh_at");
	}

	private @Nullable Instant time(UUID id, String column) {
		return this.jdbc.sql("select " + column + " from " + this.table + " where id = ?")
			.param(id)
			.query((rs, row) -> Timestamps.read(rs, column))
			.optional()
			.orElse(null);
	}

}
