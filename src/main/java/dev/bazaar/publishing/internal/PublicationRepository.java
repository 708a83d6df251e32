package dev.bazaar.publishing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.publishing.Publication;
import dev.bazaar.publishing.PublicationStatus;
import dev.bazaar.shared.jdbc.DueRefresh;
import dev.bazaar.shared.jdbc.RefreshTimes;
import dev.bazaar.shared.jdbc.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of publications; the password stays encrypted here. */
@Repository
public class PublicationRepository {

	private final JdbcClient jdbc;

	private final RefreshTimes refreshTimes;

	PublicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.refreshTimes = new RefreshTimes(jdbc, "publication");
	}

	public void insert(Publication publication, String passwordEncrypted, Instant nextRefreshAt) {
		this.jdbc.sql("""
				insert into publication (id, broker_id, location, endpoint, username, password_encrypted, status,
				created_at, updated_at, next_refresh_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(publication.id(), publication.brokerId(), publication.location(), publication.endpoint(),
					publication.username(), passwordEncrypted, publication.status().name(),
					Timestamps.of(publication.createdAt()), Timestamps.of(publication.createdAt()),
					Timestamps.of(nextRefreshAt))
			.update();
	}

	public Optional<Publication> find(UUID brokerId, String location) {
		return this.jdbc.sql("select * from publication where broker_id = ? and location = ?")
			.params(brokerId, location)
			.query(PublicationRepository::publication)
			.optional();
	}

	public List<Publication> ofBroker(UUID brokerId) {
		return this.jdbc.sql("select * from publication where broker_id = ? order by location")
			.param(brokerId)
			.query(PublicationRepository::publication)
			.list();
	}

	public List<Publication> withStatus(PublicationStatus status) {
		return this.jdbc.sql("select * from publication where status = ? order by created_at")
			.param(status.name())
			.query(PublicationRepository::publication)
			.list();
	}

	public List<Publication> approvedAt(String location) {
		return this.jdbc.sql("select * from publication where status = 'APPROVED' and location = ? order by created_at")
			.param(location)
			.query(PublicationRepository::publication)
			.list();
	}

	public String passwordEncrypted(UUID id) {
		return this.jdbc.sql("select password_encrypted from publication where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	/** Decides a pending publication; false when it was no longer pending. */
	public boolean decide(UUID id, PublicationStatus status, String comment, String by, Instant at) {
		return this.jdbc.sql("""
				update publication set status = ?, rejection_comment = ?, decided_by = ?, decided_at = ?, updated_at = ?
				where id = ? and status = 'PENDING_APPROVAL'""")
			.params(status.name(), comment, by, Timestamps.of(at), Timestamps.of(at), id)
			.update() == 1;
	}

	/**
	 * Deletes a publication that was not approved; false when it was approved meanwhile.
	 */
	public boolean deleteUnapproved(UUID id) {
		return this.jdbc.sql("delete from publication where id = ? and status <> 'APPROVED'").param(id).update() == 1;
	}

	/**
	 * Publications whose periodic refresh is due, with the due time each was read with.
	 */
	public List<DueRefresh> dueForRefresh(Instant now, int limit) {
		return this.jdbc.sql("""
				select p.id, p.next_refresh_at from publication p join service_broker b on b.id = p.broker_id
				where b.status = 'ACTIVE' and p.status <> 'REJECTED' and p.next_refresh_at <= ?
				order by p.next_refresh_at fetch first ? rows only""")
			.params(Timestamps.of(now), limit)
			.query(DueRefresh::read)
			.list();
	}

	/** When refreshes started, and the start of one on demand. */
	public RefreshTimes refreshTimes() {
		return this.refreshTimes;
	}

	public Optional<Publication> byId(UUID id) {
		return this.jdbc.sql("select * from publication where id = ?")
			.param(id)
			.query(PublicationRepository::publication)
			.optional();
	}

	static Publication publication(ResultSet rs, int row) throws SQLException {
		return new Publication(rs.getObject("id", UUID.class), rs.getObject("broker_id", UUID.class),
				rs.getString("location"), rs.getString("endpoint"), rs.getString("username"),
				PublicationStatus.valueOf(rs.getString("status")), rs.getString("rejection_comment"),
				Timestamps.read(rs, "created_at"), Timestamps.read(rs, "decided_at"), rs.getString("decided_by"));
	}

}
