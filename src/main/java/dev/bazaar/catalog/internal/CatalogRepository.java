package dev.bazaar.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bazaar.catalog.CatalogChanges;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.ValidatedCatalog;
import dev.bazaar.shared.jdbc.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code catalog}, and the ids all stored catalogs use. */
@Repository
public class CatalogRepository {

	private final JdbcClient jdbc;

	CatalogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CatalogHeader> find(Deployment deployment) {
		return this.jdbc.sql("select * from catalog where broker_id = ? and deployment = ?")
			.params(deployment.brokerId(), deployment.name())
			.query(CatalogRepository::header)
			.optional();
	}

	/**
	 * The hash of the body the deployment's catalog was last stored from, unless a fetch
	 * failed since.
	 */
	Optional<String> settledBodyHash(Deployment deployment) {
		return this.jdbc
			.sql("select body_hash from catalog where broker_id = ? and deployment = ? and last_error is null"
					+ " and body_hash is not null")
			.params(deployment.brokerId(), deployment.name())
			.query(String.class)
			.optional();
	}

	void insertEmpty(Deployment deployment) {
		this.jdbc.sql("insert into catalog (broker_id, deployment) values (?, ?)")
			.params(deployment.brokerId(), deployment.name())
			.update();
	}

	/**
	 * A fetch brought the same catalog again after a failure, or from a body not hashed
	 * before.
	 */
	void markFetched(Deployment deployment, String bodyHash, Instant at) {
		this.jdbc
			.sql("update catalog set fetched_at = ?, body_hash = ?, last_attempt_at = ?, last_error = null"
					+ " where broker_id = ? and deployment = ?")
			.params(Timestamps.of(at), bodyHash, Timestamps.of(at), deployment.brokerId(), deployment.name())
			.update();
	}

	/** A fetch brought a new catalog; the changes are kept unless there were none. */
	void saveFetched(Deployment deployment, ValidatedCatalog catalog, Instant at, CatalogChanges changes) {
		String keepChanges = changes.isEmpty() ? "" : ", changes = :changes";
		this.jdbc.sql(
				"update catalog set fetched_at = :at, content_hash = :content, body_hash = :body, last_attempt_at = :at,"
						+ " last_error = null" + keepChanges
						+ " where broker_id = :broker and deployment = :deployment")
			.param("at", Timestamps.of(at))
			.param("content", catalog.contentHash())
			.param("body", catalog.bodyHash())
			.param("changes", changes.isEmpty() ? null : CatalogJson.write(changes))
			.param("broker", deployment.brokerId())
			.param("deployment", deployment.name())
			.update();
	}

	/**
	 * Records a failed fetch; the last good catalog stays, and with it when it was last
	 * confirmed (a refresh since the last recorded attempt that did not fail).
	 */
	public void recordFailure(Deployment deployment, String reason, Instant at, @Nullable Instant priorRefreshAt) {
		Optional<CatalogHeader> header = find(deployment);
		if (header.isEmpty()) {
			this.jdbc
				.sql("insert into catalog (broker_id, deployment, last_attempt_at, last_error) values (?, ?, ?, ?)")
				.params(deployment.brokerId(), deployment.name(), Timestamps.of(at), reason)
				.update();
			return;
		}
		this.jdbc.sql("""
				update catalog set fetched_at = ?, last_attempt_at = ?, last_error = ?
				where broker_id = ? and deployment = ?""")
			.params(Timestamps.of(header.get().asOfRefresh(priorRefreshAt).fetchedAt()), Timestamps.of(at), reason,
					deployment.brokerId(), deployment.name())
			.update();
	}

	public void delete(Deployment deployment) {
		for (String table : new String[] { "catalog_plan", "catalog_service", "catalog" }) {
			this.jdbc.sql("delete from " + table + " where broker_id = ? and deployment = ?")
				.params(deployment.brokerId(), deployment.name())
				.update();
		}
	}

	public void deleteAll(UUID brokerId) {
		this.jdbc.sql("delete from catalog_plan where broker_id = ?").param(brokerId).update();
		this.jdbc.sql("delete from catalog_service where broker_id = ?").param(brokerId).update();
		this.jdbc.sql("delete from catalog where broker_id = ?").param(brokerId).update();
	}

	/**
	 * The ids used by the stored catalogs (active or not) of brokers other than this one.
	 */
	public OtherBrokersIds otherBrokersIds(UUID brokerId) {
		return new OtherBrokersIds() {

			@Override
			public Set<String> serviceIds(Collection<String> candidates) {
				return usedByOthers("catalog_service", "service_id", brokerId, candidates);
			}

			@Override
			public Set<String> planIds(Collection<String> candidates) {
				return usedByOthers("catalog_plan", "plan_id", brokerId, candidates);
			}

		};
	}

	private Set<String> usedByOthers(String table, String column, UUID brokerId, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc
			.sql("select distinct " + column + " from " + table + " where " + column
					+ " in (:ids) and broker_id <> :broker")
			.param("ids", ids)
			.param("broker", brokerId)
			.query(String.class)
			.list());
	}

	private static CatalogHeader header(ResultSet rs, int row) throws SQLException {
		String changes = rs.getString("changes");
		return new CatalogHeader(Timestamps.read(rs, "fetched_at"), rs.getString("content_hash"),
				rs.getString("body_hash"), Timestamps.read(rs, "last_attempt_at"), rs.getString("last_error"),
				changes(changes));
	}

	private static @Nullable CatalogChanges changes(@Nullable String json) {
		return (json != null) ? CatalogJson.read(json, CatalogChanges.class) : null;
	}

}
