package dev.bazaar.commlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import dev.bazaar.shared.FieldMessage;
import dev.bazaar.shared.InvalidRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommunicationLogQueryTests {

	@ParameterizedTest
	@CsvSource({ "403, 403, 403", "'>399', 400, 999", "'>=500', 500, 999", "'<300', 0, 299", "'<=299', 0, 299",
			"4xx, 400, 499", "5XX, 500, 599", "' >= 404 ', 404, 999" })
	void readsEveryFormOfResponseCode(String text, int min, int max) {
		assertThat(ResponseCodeFilter.parse(text)).isEqualTo(new ResponseCodeFilter(min, max));
	}

	@ParameterizedTest
	@ValueSource(strings = { ">abc", "40", "4000", "6xx", "=>400", "400-499", "x" })
	void refusesMalformedResponseCodesNamingTheAcceptedForms(String text) {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> ResponseCodeFilter.parse(text))
			.withMessageContaining("responseCode")
			.withMessageContaining(">=500")
			.withMessageContaining("4xx");
	}

	@Test
	void aCallWithoutAnswerMatchesNoResponseCode() {
		assertThat(ResponseCodeFilter.parse("<=299").matches(null)).isFalse();
		assertThat(ResponseCodeFilter.parse("<=299").matches(200)).isTrue();
	}

	@Test
	void cursorsSurviveTheirEncoding() {
		LogCursor cursor = new LogCursor(Instant.parse("2026-11-27T10:00:00.123456Z"), 42);

		assertThat(LogCursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	@Test
	void readsCursorsOfEarlierVersions() {
		String earlier = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("2026-11-27T10:00:00.123456Z|42".getBytes(StandardCharsets.UTF_8));

		assertThat(LogCursor.decode(earlier))
			.isEqualTo(new LogCursor(Instant.parse("2026-11-27T10:00:00.123456Z"), 42));
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "!!!", "MjAyNi0xMS0yN1QxMDowMDowMFo" })
	void refusesCursorsItDidNotGiveOut(String text) {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> LogCursor.decode(text))
			.withMessageContaining("cursor");
	}

	@Test
	void readsRequestParametersWithDefaults() {
		LogQuery query = LogQuery.parse(null, "", null, null, null, null, null, null);

		assertThat(query).isEqualTo(LogQuery.newest(LogQuery.DEFAULT_LIMIT));
		assertThat(LogQuery.parse(null, null, null, null, null, null, "9999", null).limit())
			.isEqualTo(LogQuery.MAX_LIMIT);
	}

	@Test
	void readsEveryCriterion() {
		LogQuery query = LogQuery.parse("2026-11-27T10:00:00Z", "BIND", ">=500", "plan-1", "instance-1", "private",
				"10", null);

		assertThat(query).isEqualTo(new LogQuery(Instant.parse("2026-11-27T10:00:00Z"), OperationType.BIND,
				new ResponseCodeFilter(500, 999), "plan-1", "instance-1", "private", 10, null));
		assertThat(query.privateOnly()).isTrue();
	}

	@Test
	void namesEveryMalformedParameterAtOnce() {
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> LogQuery.parse("yesterday", "FETCH", ">abc", null, null, null, null, null))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldMessage::field)
				.containsExactly("before", "operationType", "responseCode"));
	}

	@ParameterizedTest
	@CsvSource({ "before, yesterday, ISO-8601", "operationType, FETCH, FETCH_CATALOG", "limit, 0, 1 to 500",
			"limit, ten, 1 to 500" })
	void refusesMalformedParametersNamingThem(String parameter, String value, String hint) {
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> LogQuery.parse(parameter.equals("before") ? value : null,
					parameter.equals("operationType") ? value : null, null, null, null, null,
					parameter.equals("limit") ? value : null, null))
			.withMessageStartingWith(parameter + ":")
			.withMessageContaining(hint);
	}

}
