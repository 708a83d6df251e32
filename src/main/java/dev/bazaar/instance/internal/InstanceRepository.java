package dev.bazaar.instance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.instance.LastOperation;
import dev.bazaar.instance.OperationKind;
import dev.bazaar.instance.OperationState;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.shared.jdbc.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Rows of service instances. */
@Repository
public class InstanceRepository {

	private final JdbcClient jdbc;

	InstanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(ServiceInstance instance) {
		LastOperation op = instance.lastOperation();
		this.jdbc.sql("""
				insert into service_instance (id, display_name, customer_id, project_id, marketplace, broker_id,
				deployment, service_id, plan_id, parameters, status, dashboard_url, op_type, op_state, op_description,
				op_updated_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(instance.id(), instance.displayName(), instance.customerId(), instance.projectId(),
					instance.marketplace(), instance.brokerId(), instance.deployment(), instance.serviceId(),
					instance.planId(), instance.parameters(), instance.status().name(), instance.dashboardUrl(),
					op.type().name(), op.state().name(), op.description(), Timestamps.of(op.updatedAt()),
					Timestamps.of(instance.createdAt()), Timestamps.of(op.updatedAt()))
			.update();
	}

	public Optional<ServiceInstance> find(UUID id) {
		return this.jdbc.sql("select * from service_instance where id = ?")
			.param(id)
			.query(InstanceRepository::instance)
			.optional();
	}

	public List<ServiceInstance> ofProject(UUID projectId) {
		return this.jdbc.sql("select * from service_instance where project_id = ? order by created_at, id")
			.param(projectId)
			.query(InstanceRepository::instance)
			.list();
	}

	public List<ServiceInstance> failedOfBrokers(List<UUID> brokerIds) {
		if (brokerIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(
				"select * from service_instance where status = 'FAILED' and broker_id in (:brokers) order by op_updated_at desc")
			.param("brokers", brokerIds)
			.query(InstanceRepository::instance)
			.list();
	}

	/**
	 * Starts an operation unless one runs on the instance or one of its bindings: the one
	 * check that keeps operations one at a time, also across nodes. Like every start of
	 * an operation on the instance or its bindings, it first locks the instance's row, so
	 * that a bind and a delete that start together see each other.
	 */
	@Transactional
	public boolean begin(UUID id, OperationKind kind, String description, Instant now) {
		lock(id);
		return this.jdbc
			.sql("""
					update service_instance set status = 'IN_PROGRESS', op_type = ?, op_state = 'IN_PROGRESS',
					op_description = ?, op_updated_at = ?, updated_at = ?
					where id = ? and status <> 'IN_PROGRESS'
					and not exists (select 1 from service_binding b where b.instance_id = ? and b.status = 'IN_PROGRESS')""")
			.params(kind.name(), description, Timestamps.of(now), Timestamps.of(now), id, id)
			.update() == 1;
	}

	/**
	 * Locks the instance's row until the transaction ends: starts of operations on an
	 * instance and its bindings take turns, and each sees what the one before wrote.
	 */
	void lock(UUID id) {
		this.jdbc.sql("select id from service_instance where id = ? for update").param(id).query(UUID.class).list();
	}

	/** Records how the last operation stands. */
	public void operation(UUID id, OperationKind kind, OperationState state, @Nullable String description,
			Instant now) {
		this.jdbc.sql("""
				update service_instance set status = ?, op_type = ?, op_state = ?, op_description = ?,
				op_updated_at = ?, updated_at = ? where id = ?""")
			.params(state.name(), kind.name(), state.name(), cut(description), Timestamps.of(now), Timestamps.of(now),
					id)
			.update();
	}

	/**
	 * Records an operation that succeeded with the plan, parameters and dashboard URL it
	 * left (a null URL keeps the stored one): one statement.
	 */
	public void succeeded(UUID id, OperationKind kind, String planId, @Nullable String parameters,
			@Nullable String dashboardUrl, Instant now) {
		this.jdbc.sql("""
				update service_instance set plan_id = ?, parameters = ?, dashboard_url = coalesce(?, dashboard_url),
				status = 'SUCCEEDED', op_type = ?, op_state = 'SUCCEEDED', op_description = null, op_updated_at = ?,
				updated_at = ? where id = ?""")
			.params(planId, parameters, dashboardUrl, kind.name(), Timestamps.of(now), Timestamps.of(now), id)
			.update();
	}

	public void progress(UUID id, @Nullable String description, Instant now) {
		this.jdbc.sql(
				"update service_instance set op_description = ?, updated_at = ? where id = ? and status = 'IN_PROGRESS'")
			.params(cut(description), Timestamps.of(now), id)
			.update();
	}

	public void applied(UUID id, String planId, @Nullable String parameters, @Nullable String dashboardUrl) {
		this.jdbc.sql(
				"update service_instance set plan_id = ?, parameters = ?, dashboard_url = coalesce(?, dashboard_url) where id = ?")
			.params(planId, parameters, dashboardUrl, id)
			.update();
	}

	public void rename(UUID id, String displayName, Instant now) {
		this.jdbc.sql("update service_instance set display_name = ?, updated_at = ? where id = ?")
			.params(displayName, Timestamps.of(now), id)
			.update();
	}

	public void delete(UUID id) {
		this.jdbc.sql("delete from instance_task where instance_id = ?").param(id).update();
		this.jdbc.sql("delete from service_instance where id = ?").param(id).update();
	}

	static @Nullable String cut(@Nullable String description) {
		return (description != null && description.length() > 4000) ? description.substring(0, 3997) + "..."
				: description;
	}

	static ServiceInstance instance(ResultSet rs, int row) throws SQLException {
		LastOperation op = new LastOperation(OperationKind.valueOf(rs.getString("op_type")),
				OperationState.valueOf(rs.getString("op_state")), rs.getString("op_description"),
				Timestamps.read(rs, "op_updated_at"));
		return new ServiceInstance(rs.getObject("id", UUID.class), rs.getString("display_name"),
				rs.getObject("customer_id", UUID.class), rs.getObject("project_id", UUID.class),
				rs.getString("marketplace"), rs.getObject("broker_id", UUID.class), rs.getString("deployment"),
				rs.getString("service_id"), rs.getString("plan_id"), rs.getString("parameters"),
				OperationState.valueOf(rs.getString("status")), op, rs.getString("dashboard_url"),
				Timestamps.read(rs, "created_at"));
	}

}
