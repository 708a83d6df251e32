package dev.bazaar.examplebroker.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import dev.bazaar.shared.jdbc.Timestamps;

/** The operation columns that instance and binding rows share. */
final class OperationRows {

	private OperationRows() {
	}

	/** The row's operation; whether it fails is kept by instances only. */
	static Operation read(ResultSet rs, boolean fails) throws SQLException {
		return new Operation(OperationKind.valueOf(rs.getString("operation")), rs.getString("operation_id"),
				Objects.requireNonNull(Timestamps.read(rs, "operation_started_at")),
				Objects.requireNonNull(Timestamps.read(rs, "ready_at")), fails);
	}

}
