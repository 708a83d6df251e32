package dev.bazaar;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.bazaar.support.Api;
import dev.bazaar.support.Api.Reply;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and tools reach without signing in: health, metrics, the OpenAPI
 * description; and the web UI sends strangers to the login page.
 */
@BazaarTest
class OperationalEndpointsTests {

	@LocalServerPort
	int port;

	@Test
	void healthIsUp() {
		Reply reply = Api.anonymous(this.port).get("/actuator/health");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void servesPrometheusMetrics() {
		Reply reply = Api.anonymous(this.port).get("/actuator/prometheus");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
	}

	@Test
	void openApiDocumentsTheApi() {
		Reply reply = Api.anonymous(this.port).get("/v3/api-docs");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("paths").has("/api/customers")).isTrue();
		assertThat(reply.json().get("paths").has("/api/locations")).isTrue();
	}

	@Test
	void aPageRequestWithoutLoginRedirectsToTheLoginPage() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.header("Accept", "text/html,application/xhtml+xml")
			.build();
		HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
	}

}
