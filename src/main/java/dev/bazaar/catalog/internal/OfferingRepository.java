package dev.bazaar.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.catalog.DeployedService;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.PlanView;
import dev.bazaar.catalog.ServiceView;
import dev.bazaar.catalog.ValidatedCatalog.ServiceOffering;
import dev.bazaar.catalog.ValidatedCatalog.ServicePlan;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code catalog_service} and {@code catalog_plan}. */
@Repository
public class OfferingRepository {

	private static final String OF_DEPLOYMENT = " where broker_id = ? and deployment = ?";

	private static final String INSERT_SERVICE = "insert into catalog_service (name, description, bindable,"
			+ " plan_updateable, instances_retrievable, bindings_retrievable, raw_json, active, position, broker_id,"
			+ " deployment, service_id) values (?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?)";

	private static final String UPDATE_SERVICE = "update catalog_service set name = ?, description = ?,"
			+ " bindable = ?, plan_updateable = ?, instances_retrievable = ?, bindings_retrievable = ?, raw_json = ?,"
			+ " active = true, position = ?" + OF_DEPLOYMENT + " and service_id = ?";

	private static final String INSERT_PLAN = "insert into catalog_plan (service_id, name, description, free,"
			+ " bindable, plan_updateable, schemas, maximum_polling_duration, maintenance_info_version, raw_json,"
			+ " active, position, broker_id, deployment, plan_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?)";

	private static final String UPDATE_PLAN = "update catalog_plan set service_id = ?, name = ?, description = ?,"
			+ " free = ?, bindable = ?, plan_updateable = ?, schemas = ?, maximum_polling_duration = ?,"
			+ " maintenance_info_version = ?, raw_json = ?, active = true, position = ?" + OF_DEPLOYMENT
			+ " and plan_id = ?";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	OfferingRepository(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	List<StoredRow> storedServices(Deployment deployment) {
		return this.jdbc.sql("select service_id, name, raw_json, active, position from catalog_service" + OF_DEPLOYMENT)
			.params(deployment.brokerId(), deployment.name())
			.query((rs, row) -> new StoredRow(rs.getString("service_id"), null, rs.getString("name"),
					rs.getString("raw_json"), rs.getBoolean("active"), rs.getInt("position")))
			.list();
	}

	List<StoredRow> storedPlans(Deployment deployment) {
		return this.jdbc
			.sql("select plan_id, service_id, name, raw_json, active, position from catalog_plan" + OF_DEPLOYMENT)
			.params(deployment.brokerId(), deployment.name())
			.query((rs, row) -> new StoredRow(rs.getString("plan_id"), rs.getString("service_id"), rs.getString("name"),
					rs.getString("raw_json"), rs.getBoolean("active"), rs.getInt("position")))
			.list();
	}

	/** Writes of services and plans, sent as one JDBC batch per statement. */
	Writes writes(Deployment deployment) {
		return new Writes(deployment);
	}

	void deactivate(Deployment deployment, String table, String idColumn, Collection<String> ids) {
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("update " + table + " set active = false where broker_id = :broker and deployment = :deployment"
						+ " and " + idColumn + " in (:ids)")
				.param("broker", deployment.brokerId())
				.param("deployment", deployment.name())
				.param("ids", ids)
				.update();
		}
	}

	List<ServiceView> services(Deployment deployment) {
		return this.jdbc.sql("select * from catalog_service" + OF_DEPLOYMENT + " order by active desc, position")
			.params(deployment.brokerId(), deployment.name())
			.query((rs, row) -> new ServiceView(rs.getString("service_id"), rs.getString("name"),
					rs.getString("description"), rs.getBoolean("bindable"), rs.getBoolean("plan_updateable"),
					rs.getBoolean("instances_retrievable"), rs.getBoolean("bindings_retrievable"),
					rs.getBoolean("active"), List.of()))
			.list();
	}

	List<PlanView> plans(Deployment deployment) {
		return this.jdbc.sql("select * from catalog_plan" + OF_DEPLOYMENT + " order by active desc, position")
			.params(deployment.brokerId(), deployment.name())
			.query(OfferingRepository::plan)
			.list();
	}

	Optional<PlanView> plan(Deployment deployment, String serviceId, String planId) {
		return this.jdbc.sql("select * from catalog_plan" + OF_DEPLOYMENT + " and service_id = ? and plan_id = ?")
			.params(deployment.brokerId(), deployment.name(), serviceId, planId)
			.query(OfferingRepository::plan)
			.optional();
	}

	/**
	 * Every stored use of a service id, with its plans: one indexed query, whatever the
	 * number of deployments (service ids are globally unique, so this is one service in
	 * all the deployments that list it).
	 */
	List<DeployedService> servicesWithId(String serviceId) {
		Map<Deployment, ServiceView> services = new LinkedHashMap<>();
		Map<Deployment, List<PlanView>> plans = new HashMap<>();
		this.jdbc.sql("""
				select s.broker_id, s.deployment, s.service_id, s.name as service_name,
				  s.description as service_description, s.bindable as service_bindable,
				  s.plan_updateable as service_plan_updateable, s.instances_retrievable, s.bindings_retrievable,
				  s.active as service_active, p.plan_id, p.name, p.description, p.free, p.bindable, p.plan_updateable,
				  p.schemas, p.maximum_polling_duration, p.maintenance_info_version, p.active
				from catalog_service s
				left join catalog_plan p on p.broker_id = s.broker_id and p.deployment = s.deployment
				  and p.service_id = s.service_id
				where s.service_id = ?
				order by s.broker_id, s.deployment, p.active desc, p.position""").param(serviceId).query((rs) -> {
			Deployment deployment = new Deployment(rs.getObject("broker_id", UUID.class), rs.getString("deployment"));
			if (!services.containsKey(deployment)) {
				services.put(deployment,
						new ServiceView(serviceId, rs.getString("service_name"), rs.getString("service_description"),
								rs.getBoolean("service_bindable"), rs.getBoolean("service_plan_updateable"),
								rs.getBoolean("instances_retrievable"), rs.getBoolean("bindings_retrievable"),
								rs.getBoolean("service_active"), List.of()));
			}
			List<PlanView> ofDeployment = plans.computeIfAbsent(deployment, (key) -> new ArrayList<>());
			if (rs.getString("plan_id") != null) {
				ofDeployment.add(plan(rs, 0));
			}
		});
		List<DeployedService> result = new ArrayList<>();
		services.forEach((deployment,
				service) -> result.add(new DeployedService(deployment,
						new ServiceView(service.id(), service.name(), service.description(), service.bindable(),
								service.planUpdateable(), service.instancesRetrievable(), service.bindingsRetrievable(),
								service.active(), plans.getOrDefault(deployment, List.of())))));
		return result;
	}

	private static Object[] serviceColumns(Deployment deployment, ServiceOffering service, int position) {
		return new Object[] { service.name(), service.description(), service.bindable(), service.planUpdateable(),
				service.instancesRetrievable(), service.bindingsRetrievable(), service.rawJson(), position,
				deployment.brokerId(), deployment.name(), service.id() };
	}

	private static Object[] planColumns(Deployment deployment, String serviceId, ServicePlan plan, int position) {
		return new Object[] { serviceId, plan.name(), plan.description(), plan.free(), plan.bindable(),
				plan.planUpdateable(), plan.schemas(), plan.maximumPollingDuration(), plan.maintenanceInfoVersion(),
				plan.rawJson(), position, deployment.brokerId(), deployment.name(), plan.id() };
	}

	private static PlanView plan(ResultSet rs, int row) throws SQLException {
		return new PlanView(rs.getString("service_id"), rs.getString("plan_id"), rs.getString("name"),
				rs.getString("description"), rs.getBoolean("free"), rs.getBoolean("bindable"),
				rs.getBoolean("plan_updateable"), rs.getString("schemas"),
				rs.getObject("maximum_polling_duration", Integer.class), rs.getString("maintenance_info_version"),
				rs.getBoolean("active"));
	}

	/**
	 * The rows one store inserts and updates, written by {@link #flush} in a batch per
	 * statement: a first catalog of 500 plans is a few round trips, not 500.
	 */
	final class Writes {

		private final Deployment deployment;

		private final List<Object[]> serviceInserts = new ArrayList<>();

		private final List<Object[]> serviceUpdates = new ArrayList<>();

		private final List<Object[]> planInserts = new ArrayList<>();

		private final List<Object[]> planUpdates = new ArrayList<>();

		private Writes(Deployment deployment) {
			this.deployment = deployment;
		}

		void insertService(ServiceOffering service, int position) {
			this.serviceInserts.add(serviceColumns(this.deployment, service, position));
		}

		void updateService(ServiceOffering service, int position) {
			this.serviceUpdates.add(serviceColumns(this.deployment, service, position));
		}

		void insertPlan(String serviceId, ServicePlan plan, int position) {
			this.planInserts.add(planColumns(this.deployment, serviceId, plan, position));
		}

		void updatePlan(String serviceId, ServicePlan plan, int position) {
			this.planUpdates.add(planColumns(this.deployment, serviceId, plan, position));
		}

		void flush() {
			batch(INSERT_SERVICE, this.serviceInserts);
			batch(UPDATE_SERVICE, this.serviceUpdates);
			batch(INSERT_PLAN, this.planInserts);
			batch(UPDATE_PLAN, this.planUpdates);
		}

		private void batch(String sql, List<Object[]> rows) {
			if (!rows.isEmpty()) {
				OfferingRepository.this.batches.batchUpdate(sql, rows);
				rows.clear();
			}
		}

	}

}
