package dev.bazaar.commlog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveBodiesTests {

	@Test
	void masksEveryCredentialOfABindAnswerAndKeepsItsShape() {
		String body = "{\"credentials\":{\"username\":\"u1\",\"password\":\"s3cret\",\"port\":5432},\"metadata\":{\"a\":1}}";

		String masked = SensitiveBodies.masked(OperationType.BIND, body);

		assertThat(masked).doesNotContain("s3cret").doesNotContain("u1").doesNotContain("5432");
		assertThat(masked).contains("\"password\":\"****\"").contains("\"metadata\":{\"a\":1}");
	}

	@Test
	void masksCredentialsOfAFetchedBinding() {
		assertThat(SensitiveBodies.masked(OperationType.FETCH_BINDING, "{\"credentials\":{\"uri\":\"pg://x:y@h\"}}"))
			.isEqualTo("{\"credentials\":{\"uri\":\"****\"}}");
	}

	@Test
	void withholdsABindAnswerThatIsNotJson() {
		assertThat(SensitiveBodies.masked(OperationType.BIND, "password=s3cret")).doesNotContain("s3cret");
	}

	@Test
	void leavesOtherAnswersAlone() {
		String body = "{\"credentials\":\"not a binding\"}";

		assertThat(SensitiveBodies.masked(OperationType.FETCH_CATALOG, body)).isEqualTo(body);
	}

}
