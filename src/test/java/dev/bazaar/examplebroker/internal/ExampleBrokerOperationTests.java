package dev.bazaar.examplebroker.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExampleBrokerOperationTests {

	static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void reportsProgressUntilReadyThenSucceeds() {
		Operation operation = Operation.start(OperationKind.PROVISION, START, Duration.ofSeconds(10), false);

		LastOperation early = operation.lastOperationAt(START.plusSeconds(4));
		LastOperation late = operation.lastOperationAt(START.plusSeconds(10));

		assertThat(early).isEqualTo(new LastOperation(LastOperation.State.IN_PROGRESS, "Creating (40%)"));
		assertThat(late).isEqualTo(new LastOperation(LastOperation.State.SUCCEEDED, "Created"));
	}

	@Test
	void aFailingOperationEndsFailedAndARemovalEndsTheResource() {
		Operation failing = Operation.start(OperationKind.PROVISION, START, Duration.ofSeconds(1), true);
		Operation deleting = Operation.start(OperationKind.DEPROVISION, START, Duration.ofSeconds(1), false);

		assertThat(failing.lastOperationAt(START.plusSeconds(1)).state()).isEqualTo(LastOperation.State.FAILED);
		assertThat(deleting.removedAt(START)).isFalse();
		assertThat(deleting.removedAt(START.plusSeconds(1))).isTrue();
	}

	@Test
	void explainsEachParameterThatViolatesTheSchema() {
		ParameterValidator validator = new ParameterValidator();
		JsonNode schema = this.json.readTree(ParameterSchemas.INSTANCE_CREATE);

		assertThatExceptionOfType(BrokerRefusal.class)
			.isThrownBy(() -> validator.validate(schema,
					this.json.readTree("{\"version\":\"9\",\"storage_gb\":0,\"colour\":\"red\"}"), "parameters"))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(BrokerRefusal.Reason.BAD_REQUEST))
			.withMessageContaining("version")
			.withMessageContaining("storage_gb")
			.withMessageContaining("colour");
		validator.validate(schema, this.json.readTree("{\"version\":\"16\",\"backups\":true}"), "parameters");
	}

}
