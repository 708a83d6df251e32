package dev.bazaar.commlog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SensitiveHeadersTests {

	@Test
	void masksCredentialsOfAnyCaseAndKeepsTheSchemeAndTheOrder() {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("X-Broker-API-Version", List.of("2.14"));
		headers.put("authorization", List.of("Basic dXNlcjpzM2NyZXQ="));
		headers.put("Proxy-Authorization", List.of("  Bearer abc.def  "));

		Map<String, List<String>> masked = SensitiveHeaders.masked(headers);

		assertThat(masked).containsExactly(entry("X-Broker-API-Version", List.of("2.14")),
				entry("authorization", List.of("Basic ****")), entry("Proxy-Authorization", List.of("Bearer ****")));
		assertThat(headers.get("authorization")).containsExactly("Basic dXNlcjpzM2NyZXQ=");
	}

	@Test
	void maskedOnceHandsBackHeadersThatAreMaskedAlready() {
		Map<String, List<String>> headers = SensitiveHeaders
			.masked(Map.of("Authorization", List.of("Basic dXNlcjpzM2NyZXQ="), "Accept", List.of("application/json")));

		assertThat(SensitiveHeaders.maskedOnce(headers)).isSameAs(headers);
		assertThat(SensitiveHeaders.maskedOnce(Map.of("Date", List.of("today")))).containsOnlyKeys("Date");
	}

	@Test
	void maskedOnceMasksWhatACallerLeftInClear() {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("Accept", List.of("application/json"));
		headers.put("AUTHORIZATION", List.of("Basic ****", "Bearer t0ken"));

		Map<String, List<String>> masked = SensitiveHeaders.maskedOnce(headers);

		assertThat(masked).isNotSameAs(headers)
			.containsExactly(entry("Accept", List.of("application/json")),
					entry("AUTHORIZATION", List.of("Basic ****", "Bearer ****")));
		assertThat(SensitiveHeaders.maskedOnce(Map.of("authorization", List.of("s3cret"))))
			.containsEntry("authorization", List.of("****"));
		assertThat(SensitiveHeaders.maskedOnce(Map.of("authorization", List.of(" Basic ****"))))
			.containsEntry("authorization", List.of("Basic ****"));
	}

}
