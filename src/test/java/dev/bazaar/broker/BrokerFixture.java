package dev.bazaar.broker;

import java.util.HashMap;
import java.util.Map;

import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/** What the broker tests start from: a fresh customer and a fake broker per test. */
abstract class BrokerFixture {

	@LocalServerPort
	int port;

	FakeBroker fake;

	TestCustomer customer;

	@BeforeEach
	void startTheFakeBroker() {
		this.fake = FakeBroker.start();
		this.customer = Tenants.aCustomer(this.port);
	}

	@AfterEach
	void stopTheFakeBroker() {
		this.fake.close();
	}

	String brokersPath() {
		return "/api/customers/" + this.customer.identifier() + "/service-brokers";
	}

	/** The JSON API's registration of a broker named MySQL, not in development mode. */
	static Map<String, Object> registration(String identifier, String endpoint, String password) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "MySQL");
		body.put("identifier", identifier);
		body.put("endpoint", endpoint);
		body.put("username", FakeBroker.USERNAME);
		body.put("password", password);
		body.put("developmentMode", false);
		return body;
	}

}
