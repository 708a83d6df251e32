package dev.bazaar.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.bazaar.broker.internal.CatalogRefreshScheduler;
import dev.bazaar.catalog.internal.CatalogValidation;
import dev.bazaar.osbclient.OsbClient;
import dev.bazaar.shared.crypto.SecretCipher;
import dev.bazaar.support.Api;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The brokers of scenario 4 registered in Bazaar (rows written directly, for speed: one
 * customer, every broker's password encrypted as Bazaar does) and refresh cycles run
 * through Bazaar's own scheduler, measured.
 */
final class BrokerFleet {

	private static final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final Bazaar bazaar;

	private final JdbcClient jdbc;

	private final UUID customerId;

	private final List<RefreshFloor.Target> targets = new ArrayList<>();

	private int first;

	private BrokerFleet(Bazaar bazaar, UUID customerId) {
		this.bazaar = bazaar;
		this.jdbc = bazaar.bean(JdbcClient.class);
		this.customerId = customerId;
	}

	/** Registers brokers {@code first} to {@code first + count - 1} of the set. */
	static BrokerFleet register(Bazaar bazaar, CatalogBrokers brokers, int first, int count) {
		String customer = "fleet-" + UUID.randomUUID().toString().substring(0, 8);
		Setup.require(Api.as(bazaar.port(), "admin", "admin-password")
			.post("/api/customers", Map.of("identifier", customer, "displayName", "Fleet")), 201);
		JdbcClient jdbc = bazaar.bean(JdbcClient.class);
		UUID customerId = jdbc.sql("select id from customer where identifier = ?")
			.param(customer)
			.query(UUID.class)
			.single();
		BrokerFleet fleet = new BrokerFleet(bazaar, customerId);
		fleet.first = first;
		SecretCipher cipher = bazaar.bean(SecretCipher.class);
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp later = Timestamp.from(Instant.now().plusSeconds(3600));
		List<Object[]> rows = new ArrayList<>();
		IntStream.range(first, first + count).forEach((n) -> {
			UUID id = UUID.randomUUID();
			fleet.targets.add(new RefreshFloor.Target(id, brokers.url(n)));
			rows.add(new Object[] { id, customer + "-" + n, "Broker " + n, customerId, brokers.url(n), "broker-user",
					cipher.encrypt("pw"), false, "ACTIVE", now, now, later });
		});
		bazaar.bean(JdbcTemplate.class).batchUpdate("""
				insert into service_broker (id, identifier, name, customer_id, endpoint, username, password_encrypted,
				development_mode, status, created_at, updated_at, next_refresh_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		return fleet;
	}

	List<RefreshFloor.Target> targets() {
		return this.targets;
	}

	/**
	 * Stores in SQL, for brokers {@code from} to the end of the fleet, what their first
	 * refresh would have stored, with their own ids and hashes: the catalog row of each,
	 * and the service and plan rows of those that are going to change (copied from the
	 * fleet's first broker). The others' services and plans are left out: they take long
	 * to insert, and no refresh reads them while their broker sends the same body. Leaves
	 * them not due.
	 */
	void seed(CatalogBrokers brokers, int from, Set<Integer> changing) {
		JdbcTemplate jdbc = this.bazaar.bean(JdbcTemplate.class);
		UUID template = this.targets.get(0).id();
		String templatePrefix = CatalogBrokers.idPrefix(this.first);
		String canonical = canonical(brokers.catalog(this.first));
		requireSameContentHash(template, canonical);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> headers = new ArrayList<>();
		List<Object[]> seeds = new ArrayList<>();
		for (int i = from; i < this.targets.size(); i++) {
			UUID id = this.targets.get(i).id();
			String prefix = CatalogBrokers.idPrefix(this.first + i);
			// Ids are all that tells two brokers' catalogs apart, so this is the hash
			// Bazaar computes for broker i.
			String contentHash = sha256(canonical.replace(templatePrefix, prefix));
			String bodyHash = CatalogValidation.bodyHash(brokers.catalog(this.first + i), OsbClient.API_VERSION);
			headers.add(new Object[] { id, now, contentHash, bodyHash, now });
			if (changing.contains(this.first + i)) {
				seeds.add(new Object[] { id, prefix });
			}
		}
		jdbc.batchUpdate("insert into catalog (broker_id, deployment, fetched_at, content_hash, body_hash,"
				+ " last_attempt_at) values (?, 'private', ?, ?, ?, ?)", headers);
		jdbc.execute("create table bench_seed (broker_id uuid primary key, prefix varchar(20) not null)");
		jdbc.batchUpdate("insert into bench_seed (broker_id, prefix) values (?, ?)", seeds);
		jdbc.update("""
				insert into catalog_service (broker_id, deployment, service_id, name, description, bindable,
				plan_updateable, instances_retrievable, bindings_retrievable, raw_json, active, position)
				select s.broker_id, c.deployment, replace(c.service_id, ?, s.prefix), c.name, c.description,
				c.bindable, c.plan_updateable, c.instances_retrievable, c.bindings_retrievable,
				replace(c.raw_json, ?, s.prefix), c.active, c.position
				from catalog_service c cross join bench_seed s where c.broker_id = ? and c.deployment = 'private'""",
				templatePrefix, templatePrefix, template);
		jdbc.update("""
				insert into catalog_plan (broker_id, deployment, plan_id, service_id, name, description, free, bindable,
				plan_updateable, schemas, maximum_polling_duration, maintenance_info_version, raw_json, active,
				position) select s.broker_id, c.deployment, replace(c.plan_id, ?, s.prefix),
				replace(c.service_id, ?, s.prefix), c.name, c.description, c.free, c.bindable, c.plan_updateable,
				c.schemas, c.maximum_polling_duration, c.maintenance_info_version, replace(c.raw_json, ?, s.prefix),
				c.active, c.position from catalog_plan c cross join bench_seed s
				where c.broker_id = ? and c.deployment = 'private'""", templatePrefix, templatePrefix, templatePrefix,
				template);
		jdbc.execute("drop table bench_seed");
	}

	/** The services of a catalog as Bazaar hashes them: canonical JSON, keys sorted. */
	private static String canonical(String catalog) {
		JsonMapper sorted = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
		return sorted.writeValueAsString(sorted.readTree(catalog).get("services"));
	}

	private void requireSameContentHash(UUID template, String canonical) {
		String stored = this.jdbc.sql("select content_hash from catalog where broker_id = ? and deployment = 'private'")
			.param(template)
			.query(String.class)
			.single();
		if (!stored.equals(sha256(canonical))) {
			throw new IllegalStateException("The seed would not hash catalogs as Bazaar does");
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One refresh cycle: makes every broker of the fleet due, then lets Bazaar's
	 * scheduler claim, fetch, validate and store them all.
	 */
	Cycle refresh(String run) {
		return refresh(run, this.targets.size());
	}

	/** A cycle of the fleet's first {@code count} brokers only. */
	Cycle refresh(String run, int count) {
		Timestamp due = Timestamp.from(Instant.now().minusSeconds(1));
		this.bazaar.bean(JdbcTemplate.class)
			.batchUpdate("update service_broker set next_refresh_at = ? where id = ?",
					this.targets.subList(0, count)
						.stream()
						.map((target) -> new Object[] { due, target.id() })
						.toList());
		CatalogRefreshScheduler scheduler = this.bazaar.bean(CatalogRefreshScheduler.class);
		Statements statements = this.bazaar.statements();
		statements.reset();
		long reads = statements.reads();
		long writes = statements.writes();
		long cpu = os.getProcessCpuTime();
		long started = System.nanoTime();
		int ran = scheduler.refreshDue();
		long wall = System.nanoTime() - started;
		Cycle cycle = new Cycle(run, ran, wall, os.getProcessCpuTime() - cpu, statements.reads() - reads,
				statements.writes() - writes, statements.bySql());
		requireNoFailure(ran, count);
		return cycle;
	}

	/** Takes the fleet out of further cycles (deactivated brokers are not refreshed). */
	void retire() {
		this.jdbc.sql("update service_broker set status = 'DEACTIVATED' where customer_id = ?")
			.param(this.customerId)
			.update();
	}

	/** What the communication logs of the fleet's brokers hold. */
	Bodies bodies() {
		return this.jdbc.sql("""
				select count(*) as logs, coalesce(sum(length(response_body)), 0) as inline_chars,
				  (select count(*) from log_body) as shared,
				  (select coalesce(sum(length(body)), 0) from log_body) as shared_chars
				from communication_log l join service_broker b on b.id = l.broker_id where b.customer_id = ?""")
			.param(this.customerId)
			.query((rs, row) -> new Bodies(rs.getLong("logs"), rs.getLong("inline_chars"), rs.getLong("shared"),
					rs.getLong("shared_chars")))
			.single();
	}

	long rows(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private void requireNoFailure(int ran, int count) {
		long failed = this.jdbc.sql("""
				select count(*) from catalog c join service_broker b on b.id = c.broker_id
				where b.customer_id = ? and c.last_error is not null""")
			.param(this.customerId)
			.query(Long.class)
			.single();
		if (ran != count || failed > 0) {
			throw new IllegalStateException("Refreshed " + ran + " of " + count + " brokers, " + failed + " failed");
		}
	}

	/**
	 * The fleet's logs, the characters of bodies in their rows, and the bodies stored
	 * once (of any broker: the warm-up's too).
	 */
	record Bodies(long logs, long inlineChars, long shared, long sharedChars) {
	}

	/**
	 * What one cycle took: wall and process CPU nanoseconds, SQL statements and the
	 * statements by text.
	 */
	record Cycle(String run, int refreshes, long wallNanos, long cpuNanos, long reads, long writes,
			Map<String, Long> bySql) {

		/**
		 * Statements that wrote to {@code catalog}, {@code catalog_service} or
		 * {@code catalog_plan}.
		 */
		long catalogWrites() {
			return this.bySql.entrySet()
				.stream()
				.filter((entry) -> entry.getKey()
					.matches("(insert into|update|delete from) catalog(_service|_plan)?\\b.*"))
				.mapToLong(Map.Entry::getValue)
				.sum();
		}

	}

}
