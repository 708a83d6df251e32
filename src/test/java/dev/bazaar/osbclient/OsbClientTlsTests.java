package dev.bazaar.osbclient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bazaar.osbclient.OsbResponse.Answered;
import dev.bazaar.osbclient.OsbResponse.FailureKind;
import dev.bazaar.support.TestCertificates;
import dev.bazaar.support.TestCertificates.Issued;
import dev.bazaar.support.TlsBroker;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.bazaar.osbclient.OsbClientTests.assertFailure;
import static dev.bazaar.osbclient.OsbClientTests.basicToken;
import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
class OsbClientTlsTests {

	static final Issued CA = TestCertificates.certificateAuthority("CN=Bazaar Test CA");

	@Autowired
	OsbClient client;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void trustTheTestCa(DynamicPropertyRegistry registry) {
		String bundle = CA.writePem().toString();
		registry.add("bazaar.osb.ca-bundle", () -> bundle);
	}

	@Test
	void acceptsACertificateOfACaInTheBundle() {
		try (TlsBroker broker = TlsBroker.presenting(TestCertificates.server(CA, "localhost"))) {
			OsbResponse response = call(broker, false);

			assertThat(response).isInstanceOfSatisfying(Answered.class,
					(answered) -> assertThat(answered.body()).isEqualTo("{\"services\":[]}"));
		}
	}

	@Test
	void refusesAnUntrustedCertificate() {
		try (TlsBroker broker = TlsBroker.presenting(TestCertificates.selfSigned("localhost"))) {
			assertFailure(call(broker, false), FailureKind.TLS,
					"the broker's certificate is not trusted (PKIX path building failed); "
							+ "install its CA in the trust store or set bazaar.osb.ca-bundle");
		}
	}

	@Test
	void refusesACertificateForAnotherHostName() {
		try (TlsBroker broker = TlsBroker.presenting(TestCertificates.server(CA, "broker.example"))) {
			assertFailure(call(broker, false), FailureKind.TLS, "host name mismatch");
		}
	}

	@Test
	void refusesAnExpiredCertificate() {
		Instant now = Instant.now();
		Issued expired = TestCertificates.server(CA, "localhost", now.minus(Duration.ofDays(10)),
				now.minus(Duration.ofDays(1)));
		try (TlsBroker broker = TlsBroker.presenting(expired)) {
			assertFailure(call(broker, false), FailureKind.TLS, "certificate expired");
		}
	}

	@Test
	void skipsCertificateAndHostNameChecksInDevelopmentMode() {
		try (TlsBroker untrusted = TlsBroker.presenting(TestCertificates.selfSigned("broker.example"));
				TlsBroker mismatched = TlsBroker.presenting(TestCertificates.server(CA, "broker.example"))) {
			assertThat(call(untrusted, true)).isInstanceOf(Answered.class);
			assertThat(call(mismatched, true)).isInstanceOf(Answered.class);
			// The same brokers stay refused for deployments not in development mode.
			assertFailure(call(untrusted, false), FailureKind.TLS, "not trusted");
			assertFailure(call(mismatched, false), FailureKind.TLS, "host name mismatch");
		}
	}

	private OsbResponse call(TlsBroker broker, boolean developmentMode) {
		BrokerEndpoint endpoint = new BrokerEndpoint(UUID.randomUUID(), "tls-broker", UUID.randomUUID(), "global",
				broker.url(), "broker-user", "tls-secret", developmentMode);
		OsbResponse response = this.client.exchange(endpoint, OsbRequest.fetchCatalog());
		assertLogged(endpoint, response);
		return response;
	}

	private void assertLogged(BrokerEndpoint endpoint, OsbResponse response) {
		List<Map<String, Object>> rows = this.jdbc.sql("select * from communication_log where broker_id = ?")
			.param(endpoint.brokerId())
			.query()
			.listOfRows();
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("url", endpoint.url() + "/v2/catalog").containsEntry("location", "global");
			assertThat((String) row.get("request_headers")).contains("Basic ****")
				.doesNotContain(basicToken("tls-secret"));
			assertThat(row.get("error")).isEqualTo(
					(response instanceof OsbResponse.Failed failed) ? failed.kind() + ": " + failed.message() : null);
		});
	}

}
