package dev.bazaar.instance.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LastOperationBodyTests {

	@Test
	void readsStateAndDescriptionAndSkipsTheRest() {
		LastOperationBody body = LastOperationBody
			.read("""
					{"instance_usable": true, "state": "in progress", "nested": {"state": "failed", "list": [1, {"a": "b"}]},
					 "description": "3 of 5 \\"nodes\\" up", "numbers": [1, 2.5]}""");

		assertThat(body).isEqualTo(new LastOperationBody("in progress", "3 of 5 \"nodes\" up"));
	}

	@Test
	void readsFieldsAsTheTreeDid() {
		// Not a string, or empty: none; a field given twice: the last.
		assertThat(LastOperationBody.read("{\"state\":{\"x\":1},\"description\":7}"))
			.isEqualTo(new LastOperationBody(null, null));
		assertThat(LastOperationBody.read("{\"state\":\"\",\"description\":null}"))
			.isEqualTo(new LastOperationBody(null, null));
		assertThat(LastOperationBody.read("{\"state\":\"failed\",\"state\":\"succeeded\"}"))
			.isEqualTo(new LastOperationBody("succeeded", null));
		assertThat(LastOperationBody.read(" {} ")).isEqualTo(new LastOperationBody(null, null));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "  ", "[]", "\"in progress\"", "null", "<html>502</html>", "{\"state\":\"in progress\"",
					"{\"state\":\"in progress\"} trailing", "{\"state\":\"in progress\"} {}", "{\"state\" \"x\"}" })
	void isNoneForWhatIsNotOneJsonObject(String text) {
		assertThat(LastOperationBody.read(text)).isNull();
		assertThat(BrokerAnswers.jsonObject(text)).isNull();
	}

}
