package dev.bazaar.examplebroker;

import dev.bazaar.support.Api.Reply;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
@TestPropertySource(properties = "bazaar.example-broker.enabled=false")
class ExampleBrokerDisabledTests {

	@LocalServerPort
	int port;

	@Test
	void nothingExistsUnderExampleBrokerWhenSwitchedOff() {
		Reply catalog = OsbCalls.platform(this.port).get("/v2/catalog");
		Reply anonymous = OsbCalls.platform(this.port).anonymous().get("/v2/catalog");
		Reply provision = OsbCalls.platform(this.port)
			.put("/v2/service_instances/x", OsbCalls.body(OsbCalls.QUEUE, OsbCalls.STANDARD, java.util.Map.of()));

		assertThat(catalog.status()).as(catalog.toString()).isEqualTo(404);
		assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(404);
		assertThat(provision.status()).as(provision.toString()).isEqualTo(404);
	}

}
