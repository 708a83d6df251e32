package dev.bazaar.examplebroker.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.bazaar.shared.jdbc.Timestamps;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of the example broker's bindings, shared by all Bazaar nodes. */
class BindingRepository {

	private static final String COLUMNS = "instance_id, id, service_id, plan_id, parameters, username, password, "
			+ "operation, operation_id, operation_started_at, ready_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	BindingRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<ExampleBinding> find(String instanceId, String id) {
		return this.jdbc.sql("select " + COLUMNS + " from example_broker_binding where instance_id = ? and id = ?")
			.params(instanceId, id)
			.query(this::binding)
			.optional();
	}

	void insert(ExampleBinding binding) {
		Operation operation = binding.operation();
		this.jdbc.sql("insert into example_broker_binding (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(binding.instanceId(), binding.id(), binding.serviceId(), binding.planId(),
					this.json.writeValueAsString(binding.parameters()), binding.username(), binding.password(),
					operation.kind().name(), operation.id(), Timestamps.of(operation.startedAt()),
					Timestamps.of(operation.readyAt()))
			.update();
	}

	void updateOperation(ExampleBinding binding) {
		Operation operation = binding.operation();
		this.jdbc.sql("""
				update example_broker_binding set operation = ?, operation_id = ?, operation_started_at = ?,
				ready_at = ? where instance_id = ? and id = ?""")
			.params(operation.kind().name(), operation.id(), Timestamps.of(operation.startedAt()),
					Timestamps.of(operation.readyAt()), binding.instanceId(), binding.id())
			.update();
	}

	void delete(String instanceId, String id) {
		this.jdbc.sql("delete from example_broker_binding where instance_id = ? and id = ?")
			.params(instanceId, id)
			.update();
	}

	void deleteOfInstance(String instanceId) {
		this.jdbc.sql("delete from example_broker_binding where instance_id = ?").param(instanceId).update();
	}

	private ExampleBinding binding(ResultSet rs, int row) throws SQLException {
		Operation operation = OperationRows.read(rs, false);
		return new ExampleBinding(rs.getString("instance_id"), rs.getString("id"), rs.getString("service_id"),
				rs.getString("plan_id"), (ObjectNode) this.json.readTree(rs.getString("parameters")),
				rs.getString("username"), rs.getString("password"), operation);
	}

}
