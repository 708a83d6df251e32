package dev.bazaar.support;

import java.util.Map;
import java.util.UUID;

/** Creates customers with their users through the API, as a partner admin would. */
public final class Tenants {

	public static final String PASSWORD = "secret-password";

	private Tenants() {
	}

	/** A new customer with a unique identifier, one customer admin and one employee. */
	public static TestCustomer aCustomer(int port) {
		String identifier = "c-" + UUID.randomUUID().toString().substring(0, 8);
		Api admin = partnerAdmin(port);
		require(admin.post("/api/customers", Map.of("identifier", identifier, "displayName", "Customer " + identifier)),
				201);
		require(admin.post("/api/customers/" + identifier + "/users",
				Map.of("username", identifier + "-admin", "password", PASSWORD, "role", "CUSTOMER_ADMIN")), 201);
		require(admin.post("/api/customers/" + identifier + "/users",
				Map.of("username", identifier + "-employee", "password", PASSWORD, "role", "CUSTOMER_EMPLOYEE")), 201);
		return new TestCustomer(identifier, Api.as(port, identifier + "-admin", PASSWORD),
				Api.as(port, identifier + "-employee", PASSWORD));
	}

	public static Api partnerAdmin(int port) {
		return Api.as(port, "admin", "admin-password");
	}

	private static void require(Api.Reply reply, int status) {
		if (reply.status() != status) {
			throw new IllegalStateException("Expected " + status + " but got " + reply);
		}
	}

	/** A customer and API clients for its users. */
	public record TestCustomer(String identifier, Api admin, Api employee) {

		public String adminUsername() {
			return this.identifier + "-admin";
		}

		/**
		 * Registers a broker as this customer's admin, in production mode, and fails
		 * unless it is created.
		 */
		public Api.Reply registerBroker(String name, String brokerIdentifier, String endpoint) {
			Api.Reply reply = this.admin.post("/api/customers/" + this.identifier + "/service-brokers",
					Map.of("name", name, "identifier", brokerIdentifier, "endpoint", endpoint, "username",
							FakeBroker.USERNAME, "password", "p", "developmentMode", false));
			require(reply, 201);
			return reply;
		}

	}

}
