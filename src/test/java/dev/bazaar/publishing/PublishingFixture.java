package dev.bazaar.publishing;

import java.util.Map;

import dev.bazaar.support.Api;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.TestCertificates;
import dev.bazaar.support.TestCertificates.Issued;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import dev.bazaar.support.TlsBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the publishing tests start from: a fresh customer, a fake broker and its catalog
 * served again over TLS with a certificate from a test CA that Bazaar trusts.
 */
abstract class PublishingFixture {

	static final Issued CA = TestCertificates.certificateAuthority("CN=Bazaar Publishing Test CA");

	@DynamicPropertySource
	static void trustTheTestCa(DynamicPropertyRegistry registry) {
		String bundle = CA.writePem().toString();
		registry.add("bazaar.osb.ca-bundle", () -> bundle);
	}

	@LocalServerPort
	int port;

	FakeBroker fake;

	TlsBroker published;

	TestCustomer owner;

	@BeforeEach
	void startTheBrokers() {
		this.fake = FakeBroker.start();
		this.published = TlsBroker.presenting(TestCertificates.server(CA, "localhost"), this.fake.catalog());
		this.owner = Tenants.aCustomer(this.port);
	}

	@AfterEach
	void stopTheBrokers() {
		this.fake.close();
		this.published.close();
	}

	/**
	 * Registers the fake broker for the owner through the JSON API, named "Published".
	 * @return the broker's identifier
	 */
	String registerTheFakeBroker() {
		String identifier = "pub-" + this.owner.identifier();
		Api.Reply reply = this.owner.admin()
			.post("/api/customers/" + this.owner.identifier() + "/service-brokers",
					Map.of("name", "Published", "identifier", identifier, "endpoint", this.fake.url(), "username", "u",
							"password", "p", "developmentMode", false));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return identifier;
	}

}
