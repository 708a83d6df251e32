package dev.bazaar.instance;

import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.bazaar.support.BazaarTest;
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
			fixture.stub(InstanceFixture.provision(), 202, "{}", "1");
			fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"in progress\"}", "1");

			fixture.order("db");
			fixture.awaitPolls(4);

			List<Long> gaps = fixture.gapsMillis(InstanceFixture.polls());
			for (int i = 0; i < 3; i++) {
				// WireMock logs the arrival in whole milliseconds.
				assertThat(gaps.get(i)).as("gap before poll " + (i + 2)).isGreaterThanOrEqualTo(999).isLessThan(2500);
			}
		}
	}

}
