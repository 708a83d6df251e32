package dev.bazaar.commlog.internal;

import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.bazaar.commlog.BrokerDirectory.LoggedBroker;
import dev.bazaar.commlog.CommunicationLog;
import dev.bazaar.commlog.LogQuery;
import dev.bazaar.commlog.LogSummary;
import dev.bazaar.commlog.NewCommunicationLog;
import dev.bazaar.commlog.OperationType;
import dev.bazaar.commlog.internal.LogBodies.StoredBody;
import dev.bazaar.shared.jdbc.Timestamps;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code communication_log}; headers are stored as JSON text. */
@Repository
public class CommunicationLogRepository {

	private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
	};

	private static final int FETCH_SIZE = 500;

	private static final String INSERT = """
			insert into communication_log (requested_at, broker_id, broker_identifier, customer_id, location,
			  operation_type, method, url, request_headers, request_body, request_body_hash, response_code,
			  response_headers, response_body, response_body_hash, duration_ms, error, plan_id, instance_id,
			  request_identity)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/**
	 * A body is in the log's row, or in {@code log_body} under the hash the row holds
	 * (null only when the retention deleted it, which it does once the log expired).
	 */
	private static final String DETAIL_COLUMNS = "l.request_headers, coalesce(l.request_body, q.body), "
			+ "l.request_body_hash, l.response_headers, coalesce(l.response_body, r.body), l.response_body_hash, "
			+ "l.error, l.request_identity";

	private static final String DETAIL_FROM = " from communication_log l"
			+ " left join log_body q on q.hash = l.request_body_hash"
			+ " left join log_body r on r.hash = l.response_body_hash";

	static final String BODY_GONE = "[no longer stored: the retention cleanup deleted this expired log's body]";

	private final JdbcClient jdbc;

	private final JdbcClient streaming;

	private final JdbcTemplate batches;

	private final JsonMapper json;

	private final LogBodies bodies;

	CommunicationLogRepository(JdbcClient jdbc, DataSource dataSource, JsonMapper json, LogBodies bodies) {
		this.jdbc = jdbc;
		this.batches = new JdbcTemplate(dataSource);
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		fetching.setFetchSize(FETCH_SIZE);
		this.streaming = JdbcClient.create(fetching);
		this.json = json;
		this.bodies = bodies;
	}

	/**
	 * Stores the log; a long body goes to {@code log_body} first, unless it is there
	 * already (see {@link LogBodies}).
	 */
	public void insert(NewCommunicationLog log) {
		this.jdbc.sql(INSERT).params(row(log, this.bodies::store)).update();
	}

	/**
	 * Stores the logs in one JDBC batch, after each distinct long body among them, as
	 * {@link #insert} does.
	 */
	public void insertAll(List<NewCommunicationLog> logs) {
		if (logs.isEmpty()) {
			return;
		}
		LogBodies.Batch bodies = this.bodies.batch();
		List<Object[]> rows = logs.stream().map((log) -> row(log, bodies::add)).toList();
		bodies.keepAll();
		this.batches.batchUpdate(INSERT, rows);
	}

	private Object[] row(NewCommunicationLog log, BiFunction<@Nullable String, Instant, StoredBody> bodies) {
		StoredBody request = bodies.apply(log.requestBody(), log.requestedAt());
		StoredBody response = bodies.apply(log.responseBody(), log.requestedAt());
		return new Object[] { Timestamps.of(log.requestedAt()), log.brokerId(), log.brokerIdentifier(),
				log.customerId(), log.location(), log.operationType().name(), log.method(), log.url(),
				headersJson(this.json, log.requestHeaders()), request.inline(), request.hash(), log.responseCode(),
				headersJson(this.json, log.responseHeaders()), response.inline(), response.hash(), log.durationMs(),
				log.error(), log.planId(), log.instanceId(), log.requestIdentity() };
	}

	/**
	 * The headers as a JSON object of arrays, written token by token: the mapper's
	 * serializers cost more than the writing, twice per log.
	 */
	static String headersJson(JsonMapper json, Map<String, List<String>> headers) {
		StringWriter text = new StringWriter(32 + 48 * headers.size());
		try (JsonGenerator out = json.createGenerator(text)) {
			out.writeStartObject();
			for (Map.Entry<String, List<String>> header : headers.entrySet()) {
				out.writeName(header.getKey());
				out.writeStartArray();
				for (String value : header.getValue()) {
					out.writeString(value);
				}
				out.writeEndArray();
			}
			out.writeEndObject();
		}
		return text.toString();
	}

	/** Up to {@code rows} logs of the broker that match, newest first. */
	public List<LogSummary> search(UUID brokerId, LogQuery query, int rows) {
		SearchStatement search = SearchStatement.of(brokerId, query, rows);
		return this.jdbc.sql(search.sql()).params(search.params()).query(CommunicationLogRepository::summary).list();
	}

	/**
	 * Hands every log of the broker that matches to {@code each}, newest first, reading
	 * them from the database a few at a time; call it in a transaction, so that
	 * PostgreSQL reads with a cursor.
	 */
	public void forEach(UUID brokerId, LogQuery query, Consumer<LogSummary> each) {
		SearchStatement search = SearchStatement.of(brokerId, query, null);
		this.streaming.sql(search.sql())
			.params(search.params())
			.query((RowCallbackHandler) (rs) -> each.accept(summary(rs, 0)));
	}

	/**
	 * The first broker id, in the order of ids, after {@code after} (or the first at all
	 * when it is null) that has logs, read from the index that leads with it.
	 */
	public Optional<UUID> nextBrokerLogged(@Nullable UUID after) {
		if (after == null) {
			return this.jdbc.sql("select broker_id from communication_log order by broker_id fetch first 1 rows only")
				.query(UUID.class)
				.optional();
		}
		return this.jdbc.sql("""
				select broker_id from communication_log where broker_id > ?
				order by broker_id fetch first 1 rows only""").param(after).query(UUID.class).optional();
	}

	/**
	 * Deletes up to {@code batch} logs of the broker requested before {@code cutoff},
	 * oldest first; returns how many it deleted.
	 */
	public int deleteRequestedBefore(UUID brokerId, Instant cutoff, int batch) {
		return this.jdbc.sql("""
				delete from communication_log where id in (
				  select id from communication_log where broker_id = ? and requested_at < ?
				  order by broker_id, requested_at limit ?)""").params(brokerId, Timestamps.of(cutoff), batch).update();
	}

	/** The broker that the newest log with this broker identifier was written for. */
	public Optional<LoggedBroker> lastBrokerLogged(String brokerIdentifier) {
		return this.jdbc.sql("""
				select broker_id, customer_id from communication_log where broker_identifier = ?
				order by broker_identifier desc, requested_at desc, id desc fetch first 1 rows only""")
			.param(brokerIdentifier)
			.query((rs, row) -> new LoggedBroker(rs.getObject("broker_id", UUID.class), brokerIdentifier,
					rs.getObject("customer_id", UUID.class)))
			.optional();
	}

	public Optional<CommunicationLog> find(UUID brokerId, long id) {
		return this.jdbc
			.sql("select " + SearchStatement.SUMMARY_COLUMNS + ", " + DETAIL_COLUMNS + DETAIL_FROM
					+ " where l.broker_id = ? and l.id = ?")
			.params(brokerId, id)
			.query(this::detail)
			.optional();
	}

	/**
	 * Reads the {@link SearchStatement#SUMMARY_COLUMNS} by position: H2 looks a column up
	 * by name anew for every value, a good part of a search's time.
	 */
	private static LogSummary summary(ResultSet rs, int row) throws SQLException {
		return new LogSummary(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
				OperationType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
				rs.getObject(6, Integer.class), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10));
	}

	/** Reads the summary columns, then the {@link #DETAIL_COLUMNS}. */
	private CommunicationLog detail(ResultSet rs, int row) throws SQLException {
		LogSummary summary = summary(rs, row);
		return new CommunicationLog(summary.id(), summary.requestedAt(), summary.operationType(), summary.method(),
				summary.url(), summary.responseCode(), summary.durationMs(), summary.planId(), summary.instanceId(),
				summary.location(), headers(rs.getString(11)), body(rs.getString(12), rs.getString(13)),
				headers(rs.getString(14)), body(rs.getString(15), rs.getString(16)), rs.getString(17),
				rs.getString(18));
	}

	private static @Nullable String body(@Nullable String body, @Nullable String hash) {
		return (body == null && hash != null) ? BODY_GONE : body;
	}

	private Map<String, List<String>> headers(String text) {
		return this.json.readValue(text, HEADERS);
	}

}
