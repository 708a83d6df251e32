package dev.bazaar.instance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Eventually;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task worker polls when a task is due, not when it next looks for work: with a check
 * interval far longer than the broker's Retry-After, polls still come every Retry-After,
 * never before.
 */
@BazaarTest
@TestPropertySource(properties = "bazaar.polling.check=1000d")
class PollingOnTimeTests {

	@LocalServerPort
	int port;

	@Test
	void pollsWhenTheBrokerAsksWhateverTheCheckInterval() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.broker.server()
				.stubFor(InstanceFixture.provision()
					.willReturn(WireMock.aResponse().withStatus(202).withHeader("Retry-After", "1").withBody("{}")));
			fixture.broker.server()
				.stubFor(InstanceFixture.lastOperation()
					.willReturn(WireMock.okJson("{\"state\":\"in progress\"}").withHeader("Retry-After", "1")));

			fixture.order("db");
			Eventually.until(() -> fixture.count(polls()), (count) -> count >= 4, Duration.ofSeconds(15));

			List<Long> times = new ArrayList<>(
					fixture.requests(polls()).stream().map((poll) -> poll.getLoggedDate().getTime()).toList());
			Collections.sort(times);
			for (int i = 1; i < 4; i++) {
				long gap = times.get(i) - times.get(i - 1);
				// WireMock logs the arrival in whole milliseconds.
				assertThat(gap).as("gap before poll " + (i + 1)).isGreaterThanOrEqualTo(999).isLessThan(2500);
			}
		}
	}

	private static RequestPatternBuilder polls() {
		return WireMock.getRequestedFor(WireMock.urlPathMatching("/v2/service_instances/[^/]+/last_operation"));
	}

}
