package dev.bazaar.examplebroker.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.bazaar.shared.jdbc.Timestamps;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of the example broker's instances, shared by all Bazaar nodes. */
class InstanceRepository {

	private static final String COLUMNS = "id, service_id, plan_id, parameters, operation, operation_id, "
			+ "operation_started_at, ready_at, operation_fails";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	InstanceRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The instance, locked against concurrent changes until the transaction ends. */
	Optional<ExampleInstance> findForUpdate(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from example_broker_instance where id = ? for update")
			.param(id)
			.query(this::instance)
			.optional();
	}

	Optional<ExampleInstance> find(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from example_broker_instance where id = ?")
			.param(id)
			.query(this::instance)
			.optional();
	}

	void insert(ExampleInstance instance) {
		Operation operation = instance.operation();
		this.jdbc.sql("insert into example_broker_instance (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(instance.id(), instance.serviceId(), instance.planId(),
					this.json.writeValueAsString(instance.parameters()), operation.kind().name(), operation.id(),
					Timestamps.of(operation.startedAt()), Timestamps.of(operation.readyAt()), operation.fails())
			.update();
	}

	void update(ExampleInstance instance) {
		Operation operation = instance.operation();
		this.jdbc.sql("""
				update example_broker_instance set plan_id = ?, parameters = ?, operation = ?, operation_id = ?,
				operation_started_at = ?, ready_at = ?, operation_fails = ? where id = ?""")
			.params(instance.planId(), this.json.writeValueAsString(instance.parameters()), operation.kind().name(),
					operation.id(), Timestamps.of(operation.startedAt()), Timestamps.of(operation.readyAt()),
					operation.fails(), instance.id())
			.update();
	}

	/** Deletes the instance and, through the foreign key, its bindings. */
	void delete(String id) {
		this.jdbc.sql("delete from example_broker_instance where id = ?").param(id).update();
	}

	private ExampleInstance instance(ResultSet rs, int row) throws SQLException {
		Operation operation = OperationRows.read(rs, rs.getBoolean("operation_fails"));
		return new ExampleInstance(rs.getString("id"), rs.getString("service_id"), rs.getString("plan_id"),
				(ObjectNode) this.json.readTree(rs.getString("parameters")), operation);
	}

}
