package dev.bazaar.instance;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While an asynchronous operation runs on an instance or one of its bindings, Bazaar
 * refuses any other with 409 and a reason, and sends the broker nothing.
 */
@BazaarTest
class OneOperationAtATimeTests {

	private static final String IN_PROGRESS = "{\"state\":\"in progress\"}";

	@LocalServerPort
	int port;

	@Test
	void refusesOtherOperationsWhileTheInstanceIsBeingCreated() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 202, "{}");
			fixture.stub(InstanceFixture.lastOperation(), 200, IN_PROGRESS);
			String id = fixture.order("db");

			assertRefused(fixture, id);
		}
	}

	@Test
	void refusesOtherOperationsWhileTheInstanceIsBeingUpdated() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.update(), 202, "{}");
			fixture.stub(InstanceFixture.lastOperation(), 200, IN_PROGRESS);
			assertThat(UpdateTableTests.patch(fixture, id, Map.of("parameters", Map.of("a", 1))).status())
				.isEqualTo(202);

			assertRefused(fixture, id);
		}
	}

	@Test
	void refusesOtherOperationsWhileTheInstanceIsBeingDeleted() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.deprovision(), 202, "{}");
			fixture.stub(InstanceFixture.lastOperation(), 200, IN_PROGRESS);
			assertThat(fixture.user().delete("/api/service-instances/" + id).status()).isEqualTo(202);

			assertRefused(fixture, id);
		}
	}

	@Test
	void refusesOtherOperationsWhileABindingIsBeingCreated() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, InstanceFixture::retrievable)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.bind(), 202, "{}");
			fixture.stub(InstanceFixture.bindingLastOperation(), 200, IN_PROGRESS);
			assertThat(fixture.bind(id, "first").status()).isEqualTo(202);
			String bindingId = fixture.onlyBindingId(id);

			assertRefused(fixture, id);
			Api.Reply unbind = fixture.user().delete("/api/service-instances/" + id + "/bindings/" + bindingId);
			assertThat(unbind.status()).as(unbind.toString()).isEqualTo(409);
			assertThat(fixture.count(WireMock.deleteRequestedFor(WireMock.anyUrl()))).isZero();
		}
	}

	private static void assertRefused(InstanceFixture fixture, String id) {
		long before = changesSent(fixture);
		Api.Reply update = UpdateTableTests.patch(fixture, id,
				Map.of("planId", fixture.broker.planId(2), "displayName", "renamed"));
		Api.Reply delete = fixture.user().delete("/api/service-instances/" + id);
		Api.Reply bind = fixture.bind(id, "second");
		for (Api.Reply reply : new Api.Reply[] { update, delete, bind }) {
			assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
			assertThat(reply.json().get("detail").asString()).contains("operation runs").contains("wait");
		}
		assertThat(changesSent(fixture)).as("nothing but polls sent").isEqualTo(before);
		assertThat(fixture.instance(id).get("displayName").asString()).as("a refused update changes nothing")
			.isEqualTo("db");
	}

	private static long changesSent(InstanceFixture fixture) {
		return fixture.broker.server()
			.getAllServeEvents()
			.stream()
			.filter((event) -> !event.getRequest().getMethod().getName().equals("GET"))
			.count();
	}

}
