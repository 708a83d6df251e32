package dev.bazaar.broker.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.broker.BrokerStatus;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.shared.jdbc.DueRefresh;
import dev.bazaar.shared.jdbc.RefreshTimes;
import dev.bazaar.shared.jdbc.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of broker registrations; the password stays encrypted here. */
@Repository
public class BrokerRepository {

	private static final String COLUMNS = "id, identifier, name, customer_id, endpoint, username, development_mode, "
			+ "status, created_at, updated_at";

	private final JdbcClient jdbc;

	private final RefreshTimes refreshTimes;

	BrokerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.refreshTimes = new RefreshTimes(jdbc, "service_broker");
	}

	public void insert(ServiceBroker broker, String passwordEncrypted, Instant nextRefreshAt) {
		this.jdbc
			.sql("insert into service_broker (" + COLUMNS + ", password_encrypted, next_refresh_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(broker.id(), broker.identifier(), broker.name(), broker.customerId(), broker.endpoint(),
					broker.username(), broker.developmentMode(), broker.status().name(),
					Timestamps.of(broker.createdAt()), Timestamps.of(broker.updatedAt()), passwordEncrypted,
					Timestamps.of(nextRefreshAt))
			.update();
	}

	public void update(ServiceBroker broker, String passwordEncrypted) {
		this.jdbc.sql("""
				update service_broker set name = ?, endpoint = ?, username = ?, password_encrypted = ?,
				development_mode = ?, status = ?, updated_at = ? where id = ?""")
			.params(broker.name(), broker.endpoint(), broker.username(), passwordEncrypted, broker.developmentMode(),
					broker.status().name(), Timestamps.of(broker.updatedAt()), broker.id())
			.update();
	}

	public Optional<ServiceBroker> byIdentifier(String identifier) {
		return this.jdbc.sql("select " + COLUMNS + " from service_broker where identifier = ?")
			.param(identifier)
			.query(BrokerRepository::broker)
			.optional();
	}

	public Optional<ServiceBroker> byId(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from service_broker where id = ?")
			.param(id)
			.query(BrokerRepository::broker)
			.optional();
	}

	/** The brokers with these ids, in no particular order. */
	public List<ServiceBroker> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from service_broker where id in (:ids)")
			.param("ids", ids)
			.query(BrokerRepository::broker)
			.list();
	}

	/** A broker with its encrypted password, in one query. */
	public Optional<WithPassword> byIdWithPassword(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + ", password_encrypted from service_broker where id = ?")
			.param(id)
			.query((rs, row) -> new WithPassword(broker(rs, row), rs.getString("password_encrypted")))
			.optional();
	}

	public List<ServiceBroker> ofCustomer(UUID customerId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from service_broker where customer_id = ? order by name, identifier")
			.param(customerId)
			.query(BrokerRepository::broker)
			.list();
	}

	public boolean identifierTaken(String identifier) {
		return this.jdbc.sql("select count(*) from service_broker where identifier = ?")
			.param(identifier)
			.query(Long.class)
			.single() > 0;
	}

	public String passwordEncrypted(UUID id) {
		return this.jdbc.sql("select password_encrypted from service_broker where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	public void delete(UUID id) {
		this.jdbc.sql("delete from service_broker where id = ?").param(id).update();
	}

	public void deactivate(UUID id, Instant at) {
		this.jdbc.sql("update service_broker set status = 'DEACTIVATED', updated_at = ? where id = ?")
			.params(Timestamps.of(at), id)
			.update();
	}

	public void markApproved(UUID id, Instant at) {
		this.jdbc.sql("update service_broker set approved_at = ? where id = ? and approved_at is null")
			.params(Timestamps.of(at), id)
			.update();
	}

	public @Nullable Instant approvedAt(UUID id) {
		return this.jdbc.sql("select approved_at from service_broker where id = ?")
			.param(id)
			.query((rs, row) -> Timestamps.read(rs, "approved_at"))
			.optional()
			.orElse(null);
	}

	/**
	 * Active brokers whose periodic refresh is due, with the due time each was read with.
	 */
	public List<DueRefresh> dueForRefresh(Instant now, int limit) {
		return this.jdbc.sql("""
				select id, next_refresh_at from service_broker
				where status = 'ACTIVE' and next_refresh_at <= ? order by next_refresh_at fetch first ? rows only""")
			.params(Timestamps.of(now), limit)
			.query(DueRefresh::read)
			.list();
	}

	/** When refreshes started, and the start of one on demand. */
	public RefreshTimes refreshTimes() {
		return this.refreshTimes;
	}

	static ServiceBroker broker(ResultSet rs, int row) throws SQLException {
		return new ServiceBroker(rs.getObject("id", UUID.class), rs.getString("identifier"), rs.getString("name"),
				rs.getObject("customer_id", UUID.class), rs.getString("endpoint"), rs.getString("username"),
				rs.getBoolean("development_mode"), BrokerStatus.valueOf(rs.getString("status")),
				Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
	}

	/** A broker row with its encrypted password. */
	public record WithPassword(ServiceBroker broker, String passwordEncrypted) {
	}

}
