package dev.bazaar.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A periodic refresh that is due: the row's id, and the due time it was read with, which
 * its claim compares ({@link RefreshTimes#claim}).
 *
 * @param id the refreshed row's id
 * @param dueAt its {@code next_refresh_at} when read
 */
public record DueRefresh(UUID id, Instant dueAt) {

	/** Reads the columns {@code id} and {@code next_refresh_at} of a row. */
	public static DueRefresh read(ResultSet rs, int row) throws SQLException {
		return new DueRefresh(rs.getObject("id", UUID.class), Timestamps.read(rs, "next_refresh_at"));
	}

}
