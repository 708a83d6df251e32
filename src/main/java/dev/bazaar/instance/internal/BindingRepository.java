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
import dev.bazaar.instance.ServiceBinding;
import dev.bazaar.shared.jdbc.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Rows of service bindings; credentials stay encrypted here. */
@Repository
public class BindingRepository {

	private final JdbcClient jdbc;

	private final InstanceRepository instances;

	BindingRepository(JdbcClient jdbc, InstanceRepository instances) {
		this.jdbc = jdbc;
		this.instances = instances;
	}

	/**
	 * Inserts a binding whose creation starts, unless an operation runs on its instance.
	 */
	@Transactional
	public boolean insertIfInstanceIdle(ServiceBinding binding) {
		this.instances.lock(binding.instanceId());
		LastOperation op = binding.lastOperation();
		return this.jdbc
			.sql("""
					insert into service_binding (id, instance_id, display_name, parameters, status, op_type, op_state,
					op_description, op_updated_at, created_at, updated_at)
					select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from service_instance i
					where i.id = ? and (i.status = 'SUCCEEDED' or (i.status = 'FAILED' and i.op_type = 'UPDATE'))
					and not exists (select 1 from service_binding b where b.instance_id = ? and b.status = 'IN_PROGRESS')""")
			.params(binding.id(), binding.instanceId(), binding.displayName(), binding.parameters(),
					binding.status().name(), op.type().name(), op.state().name(), op.description(),
					Timestamps.of(op.updatedAt()), Timestamps.of(binding.createdAt()), Timestamps.of(op.updatedAt()),
					binding.instanceId(), binding.instanceId())
			.update() == 1;
	}

	public Optional<ServiceBinding> find(UUID instanceId, UUID id) {
		return this.jdbc.sql("select * from service_binding where instance_id = ? and id = ?")
			.params(instanceId, id)
			.query(BindingRepository::binding)
			.optional();
	}

	public List<ServiceBinding> ofInstance(UUID instanceId) {
		return this.jdbc.sql("select * from service_binding where instance_id = ? order by created_at, id")
			.param(instanceId)
			.query(BindingRepository::binding)
			.list();
	}

	public @Nullable String credentialsEncrypted(UUID id) {
		return this.jdbc.sql("select credentials_encrypted from service_binding where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Starts an unbind unless an operation runs on the binding. */
	/**
	 * Starts deleting a binding unless an operation runs on it; with
	 * {@code instanceIdle}, also unless one runs on its instance (a user's unbind; the
	 * unbinds of an instance's deletion run while the deletion is in progress).
	 */
	@Transactional
	public boolean beginDelete(UUID instanceId, UUID id, boolean instanceIdle, Instant now) {
		this.instances.lock(instanceId);
		return this.jdbc
			.sql("""
					update service_binding set status = 'IN_PROGRESS', op_type = 'DELETE', op_state = 'IN_PROGRESS',
					op_description = null, op_updated_at = ?, updated_at = ? where id = ? and status <> 'IN_PROGRESS'
					and (? = false or exists (select 1 from service_instance i where i.id = ? and i.status <> 'IN_PROGRESS'))""")
			.params(Timestamps.of(now), Timestamps.of(now), id, instanceIdle, instanceId)
			.update() == 1;
	}

	public void operation(UUID id, OperationKind kind, OperationState state, @Nullable String description,
			Instant now) {
		this.jdbc.sql("""
				update service_binding set status = ?, op_type = ?, op_state = ?, op_description = ?,
				op_updated_at = ?, updated_at = ? where id = ?""")
			.params(state.name(), kind.name(), state.name(), InstanceRepository.cut(description), Timestamps.of(now),
					Timestamps.of(now), id)
			.update();
	}

	public void progress(UUID id, @Nullable String description, Instant now) {
		this.jdbc.sql(
				"update service_binding set op_description = ?, updated_at = ? where id = ? and status = 'IN_PROGRESS'")
			.params(InstanceRepository.cut(description), Timestamps.of(now), id)
			.update();
	}

	public void credentials(UUID id, String encrypted) {
		this.jdbc.sql("update service_binding set credentials_encrypted = ? where id = ?")
			.params(encrypted, id)
			.update();
	}

	public void delete(UUID id) {
		this.jdbc.sql("delete from instance_task where binding_id = ?").param(id).update();
		this.jdbc.sql("delete from service_binding where id = ?").param(id).update();
	}

	static ServiceBinding binding(ResultSet rs, int row) throws SQLException {
		LastOperation op = new LastOperation(OperationKind.valueOf(rs.getString("op_type")),
				OperationState.valueOf(rs.getString("op_state")), rs.getString("op_description"),
				Timestamps.read(rs, "op_updated_at"));
		return new ServiceBinding(rs.getObject("id", UUID.class), rs.getObject("instance_id", UUID.class),
				rs.getString("display_name"), rs.getString("parameters"),
				OperationState.valueOf(rs.getString("status")), op, null, Timestamps.read(rs, "created_at"));
	}

}
