package dev.bazaar.instance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Eventually;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bazaar.instance.InstanceFixture.polls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * How Bazaar polls {@code last_operation}: when (Retry-After, back-off), with what,
 * through which failures, and until when.
 */
@BazaarTest
class PollingTests {

	private static final String IN_PROGRESS = "{\"state\":\"in progress\"}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void honoursRetryAfterInSecondsFromTheFirstAnswerAndFromEachPoll() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 202, "{}", "1");
			fixture.stub(InstanceFixture.lastOperation(), 200, IN_PROGRESS, "30");

			String id = fixture.order("db");
			assertThat(secondsUntilDue(id)).isCloseTo(1, within(1.0));
			fixture.awaitPolls(1);

			assertThat(rescheduledIn(id)).isCloseTo(30, within(2.0));
			sleep(1500);
			assertThat(fixture.count(polls())).as("no poll before the broker asked").isEqualTo(1);
		}
	}

	@Test
	void honoursRetryAfterAsAnHttpDate() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 202, "{}");
			String date = DateTimeFormatter.RFC_1123_DATE_TIME
				.format(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(20));
			fixture.stub(InstanceFixture.lastOperation(), 200, IN_PROGRESS, date);

			String id = fixture.order("db");
			fixture.awaitPolls(1);

			assertThat(rescheduledIn(id)).isCloseTo(19.5, within(2.0));
		}
	}

	@Test
	void backsOffWhenTheBrokerSendsNoRetryAfter() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 202, "{}");
			fixture.stub(InstanceFixture.lastOperation(), 200, IN_PROGRESS);

			fixture.order("db");
			fixture.awaitPolls(4);

			List<Long> gaps = fixture.gapsMillis(polls());
			// 200 ms doubling (plus up to one 100 ms check) until 2 s: 400, 800, ...
			assertThat(gaps.get(1)).isGreaterThan(gaps.get(0));
			assertThat(gaps.get(2)).isGreaterThanOrEqualTo(700);
		}
	}

	@Test
	void keepsPollingThroughErrorsTimeoutsAndInvalidAnswersAndLogsEachPoll() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 202, "{}");
			fixture.stubInTurn(InstanceFixture::lastOperation, "500 {}", "503 <html>down</html>", "200 oops",
					"200 {\"state\":\"sleeping\"}", "400 {}", "timeout", "200 {\"state\":\"succeeded\"}");

			String id = fixture.order("db");

			JsonNode instance = Eventually.until(() -> fixture.instance(id),
					(node) -> !node.get("status").asString().equals("IN_PROGRESS"), Duration.ofSeconds(30));
			assertThat(instance.get("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(fixture.count(polls())).isEqualTo(7);
			JsonNode logs = fixture.customer.admin()
				.get("/api/service-brokers/fake-" + fixture.customer.identifier()
						+ "/communication-logs?operationType=POLL_INSTANCE_LAST_OPERATION&limit=50")
				.json()
				.get("items");
			assertThat(logs).hasSize(7);
			List<String> codes = new ArrayList<>();
			logs.forEach(
					(log) -> codes.add(log.get("responseCode").isNull() ? "none" : log.get("responseCode").asString()));
			assertThat(codes).containsExactlyInAnyOrder("500", "503", "200", "200", "400", "none", "200");
			assertThat(logs.get(0).get("instanceId").asString()).isEqualTo(id);
		}
	}

	@Test
	void logsEveryPollOfInstancesPolledTogetherOnceAndGoesOnWithEach() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 202, "{}", "0");
			fixture.stub(InstanceFixture.lastOperation(), 200, IN_PROGRESS, "0");
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				ids.add(fixture.order("db-" + i));
			}
			// Each poll is written with others before the task is due again.
			for (String id : ids) {
				Eventually.until(() -> fixture.count(pollsOf(id)), (count) -> count >= 5, Duration.ofSeconds(15));
			}
			fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"succeeded\"}");

			for (String id : ids) {
				assertThat(fixture.settled(id).get("status").asString()).isEqualTo("SUCCEEDED");
			}
			for (String id : ids) {
				assertThat(pollLogsOf(id)).as("logs of the polls of " + id).isEqualTo(fixture.count(pollsOf(id)));
			}
		}
	}

	@Test
	void sendsTheOperationBackPercentEncodedWithServiceAndPlanButNoUser() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String operation = "op 1/2&x=y+z%";
			fixture.stub(InstanceFixture.provision(), 202, "{\"operation\":\"op 1/2&x=y+z%\"}");
			fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"succeeded\"}");

			String id = fixture.order("db");
			fixture.settled(id);

			LoggedRequest poll = fixture.requests(polls()).get(0);
			assertThat(poll.queryParameter("operation").firstValue()).isEqualTo(operation);
			assertThat(poll.getUrl()).contains("operation=op%201%2F2%26x%3Dy%2Bz%25");
			assertThat(poll.queryParameter("service_id").firstValue()).isEqualTo(fixture.broker.serviceId());
			assertThat(poll.queryParameter("plan_id").firstValue()).isEqualTo(fixture.broker.planId(1));
			assertThat(poll.getHeader("X-Broker-API-Originating-Identity")).isNull();
			assertThat(poll.getHeader("X-Broker-API-Version")).isEqualTo("2.14");
		}
	}

	@Test
	void failsAndMitigatesOnceThePlansMaximumPollingDurationIsOver() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, InstanceFixture.planOnePollsAtMost(2))) {
			fixture.stub(InstanceFixture.provision(), 202, "{}");
			fixture.stub(InstanceFixture.lastOperation(), 200, IN_PROGRESS);
			fixture.stub(InstanceFixture.deprovision(), 200, "{}");
			Instant started = Instant.now();

			String id = fixture.order("db");

			JsonNode instance = fixture.settled(id);
			assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(8));
			assertThat(instance.get("status").asString()).isEqualTo("FAILED");
			assertThat(instance.get("lastOperation").get("description").asString()).contains("in time");
			Eventually.until(() -> fixture.deprovisionsOf(id), (count) -> count >= 1, Duration.ofSeconds(10));
			int polled = fixture.count(polls());
			sleep(1000);
			assertThat(fixture.count(polls())).as("polling stopped").isEqualTo(polled);
		}
	}

	@Test
	void keepsWhatTheBrokerSaidOfTheSuccess() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 202, "{}");
			fixture.stubInTurn(InstanceFixture::lastOperation,
					"200 {\"state\":\"in progress\",\"description\":\"Creating (40%)\"}",
					"200 {\"state\":\"succeeded\",\"description\":\"Created with 3 replicas\"}");

			String id = fixture.order("db");

			JsonNode instance = fixture.settled(id);
			assertThat(instance.get("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(instance.get("lastOperation").get("description").asString())
				.isEqualTo("Created with 3 replicas");
		}
	}

	@Test
	void keepsPollingWhenACreatePollAnswers410() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 202, "{}");
			fixture.stubInTurn(InstanceFixture::lastOperation, "410 {}", "410 {}", "200 {\"state\":\"succeeded\"}");

			String id = fixture.order("db");

			assertThat(fixture.settled(id).get("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(fixture.count(polls())).isEqualTo(3);
		}
	}

	/**
	 * Seconds until the task is due once the worker that polled has rescheduled it: while
	 * it holds the task, the due time is its lease (twice the response timeout plus 30
	 * s).
	 */
	private double rescheduledIn(String id) {
		return Eventually.until(() -> secondsUntilDue(id), (seconds) -> seconds < 35, Duration.ofSeconds(10));
	}

	private double secondsUntilDue(String id) {
		Instant due = this.jdbc.sql("select due_at from instance_task where instance_id = ?")
			.param(UUID.fromString(id))
			.query((rs, row) -> rs.getObject("due_at", OffsetDateTime.class).toInstant())
			.single();
		return Duration.between(Instant.now(), due).toMillis() / 1000.0;
	}

	private long pollLogsOf(String id) {
		return this.jdbc
			.sql("select count(*) from communication_log where operation_type = 'POLL_INSTANCE_LAST_OPERATION' "
					+ "and instance_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pollsOf(String id) {
		return WireMock.getRequestedFor(WireMock.urlPathEqualTo("/v2/service_instances/" + id + "/last_operation"));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
