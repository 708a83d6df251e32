package dev.bazaar.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bazaar.audit.AuditEvent;
import dev.bazaar.broker.BrokerAction;
import dev.bazaar.shared.jdbc.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of the audit trail, read newest first by keyset on the id. */
@Repository
public class AuditRepository {

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(AuditEvent event) {
		this.jdbc.sql("""
				insert into audit_event (occurred_at, actor, action, broker_id, broker_identifier, owner_customer_id,
				location, detail, remote_address) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamps.of(event.occurredAt()), event.actor(), event.action().name(), event.brokerId(),
					event.brokerIdentifier(), event.ownerCustomerId(), event.location(), event.detail(),
					event.remoteAddress())
			.update();
	}

	/**
	 * Events older than {@code beforeId} (all when null), of one owner (all when null)
	 * and one broker (all when null), newest first.
	 */
	public List<AuditEvent> find(@Nullable UUID owner, @Nullable String broker, @Nullable Long beforeId, int limit) {
		StringBuilder sql = new StringBuilder("select * from audit_event where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (owner != null) {
			sql.append(" and owner_customer_id = ?");
			params.add(owner);
		}
		if (broker != null) {
			sql.append(" and broker_identifier = ?");
			params.add(broker);
		}
		if (beforeId != null) {
			sql.append(" and id < ?");
			params.add(beforeId);
		}
		sql.append(" order by id desc fetch first ? rows only");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query(AuditRepository::event).list();
	}

	static AuditEvent event(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), Timestamps.read(rs, "occurred_at"), rs.getString("actor"),
				BrokerAction.valueOf(rs.getString("action")), rs.getObject("broker_id", UUID.class),
				rs.getString("broker_identifier"), rs.getObject("owner_customer_id", UUID.class),
				rs.getString("location"), rs.getString("detail"), rs.getString("remote_address"));
	}

}
