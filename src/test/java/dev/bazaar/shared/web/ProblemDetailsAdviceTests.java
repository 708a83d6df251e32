package dev.bazaar.shared.web;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAdviceTests {

	@Test
	void aUniqueConstraintViolatedByARaceIsAConflict() {
		ResponseEntity<ProblemDetail> response = new ProblemDetailsAdvice()
			.duplicate(new DuplicateKeyException("uq_customer_identifier"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(response.getBody().getDetail()).doesNotContain("uq_customer_identifier").contains("choose another");
	}

}
