package dev.bazaar.commlog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HeadersJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesHeadersAsTheMapperWouldAndReadsThemBackInOrder() {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("X-Broker-API-Version", List.of("2.14"));
		headers.put("Authorization", List.of("Basic ****"));
		headers.put("x-odd", List.of("quote \" backslash \\ tab \t newline \n ü €", "second"));
		headers.put("x-none", List.of());

		String text = CommunicationLogRepository.headersJson(this.json, headers);

		assertThat(text).isEqualTo(this.json.writeValueAsString(headers));
		Map<String, List<String>> read = this.json.readValue(text, new TypeReference<Map<String, List<String>>>() {
		});
		assertThat(read).containsExactlyEntriesOf(headers);
		assertThat(CommunicationLogRepository.headersJson(this.json, Map.of())).isEqualTo("{}");
	}

}
