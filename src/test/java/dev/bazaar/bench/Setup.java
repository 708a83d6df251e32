package dev.bazaar.bench;

import java.util.Map;
import java.util.UUID;

import dev.bazaar.support.Api;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates, through the API, what a provision needs. */
final class Setup {

	private Setup() {
	}

	static Bazaar.Tenant tenant(int port, String brokerUrl, JdbcClient jdbc) {
		String customer = customer(port, brokerUrl);
		UUID customerId = jdbc.sql("select id from customer where identifier = ?")
			.param(customer)
			.query(UUID.class)
			.single();
		UUID projectId = jdbc.sql("select id from project where customer_id = ? and identifier = 'shop'")
			.param(customerId)
			.query(UUID.class)
			.single();
		UUID brokerId = jdbc.sql("select id from service_broker where customer_id = ?")
			.param(customerId)
			.query(UUID.class)
			.single();
		return new Bazaar.Tenant(customer, customerId, projectId, brokerId);
	}

	/** Answers the identifier of the new customer. */
	static String customer(int port, String brokerUrl) {
		String customer = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		Api partner = Api.as(port, "admin", "admin-password");
		require(partner.post("/api/customers", Map.of("identifier", customer, "displayName", "Bench")), 201);
		for (String role : new String[] { "CUSTOMER_ADMIN", "CUSTOMER_EMPLOYEE" }) {
			String username = customer + (role.equals("CUSTOMER_ADMIN") ? "-admin" : "-employee");
			require(partner.post("/api/customers/" + customer + "/users",
					Map.of("username", username, "password", Bazaar.PASSWORD, "role", role)), 201);
		}
		Api admin = Api.as(port, customer + "-admin", Bazaar.PASSWORD);
		require(admin.post("/api/customers/" + customer + "/service-brokers",
				Map.of("name", "Fast", "identifier", "fast-" + customer, "endpoint", brokerUrl, "username",
						"broker-user", "password", "pw", "developmentMode", false)),
				201);
		require(admin.post("/api/customers/" + customer + "/projects",
				Map.of("identifier", "shop", "displayName", "Shop")), 201);
		require(admin.put("/api/customers/" + customer + "/projects/shop/marketplaces/private", null), 204);
		return customer;
	}

	static void require(Api.Reply reply, int status) {
		if (reply.status() != status) {
			throw new IllegalStateException("Expected " + status + " but got " + reply);
		}
	}

}
