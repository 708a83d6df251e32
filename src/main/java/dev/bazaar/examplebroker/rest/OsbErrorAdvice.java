package dev.bazaar.examplebroker.rest;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.examplebroker.internal.BrokerRefusal;
import dev.bazaar.examplebroker.rest.OsbWire.ErrorResponse;
import dev.bazaar.examplebroker.rest.RequestParts.MalformedRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every error of the example broker with the spec's error body ({@code error},
 * {@code description}) instead of Bazaar's problem details; see <a href=
 * "https://github.com/openservicebrokerapi/servicebroker/blob/v2.15/spec.md#service-broker-errors">Service
 * Broker Errors</a>.
 */
@RestControllerAdvice(basePackageClasses = OsbErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OsbErrorAdvice {

	private static final Log logger = LogFactory.getLog(OsbErrorAdvice.class);

	@ExceptionHandler(BrokerRefusal.class)
	ResponseEntity<ErrorResponse> refused(BrokerRefusal ex) {
		return switch (ex.reason()) {
			case BAD_REQUEST -> error(HttpStatus.BAD_REQUEST, "BadRequest", ex.getMessage());
			case CONFLICT -> error(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
			case NOT_FOUND -> error(HttpStatus.NOT_FOUND, "NotFound", ex.getMessage());
			case GONE -> error(HttpStatus.GONE, "Gone", ex.getMessage());
			case ASYNC_REQUIRED -> error(HttpStatus.UNPROCESSABLE_CONTENT, "AsyncRequired", ex.getMessage());
			case CONCURRENCY -> error(HttpStatus.UNPROCESSABLE_CONTENT, "ConcurrencyError", ex.getMessage());
			case UNPROCESSABLE -> error(HttpStatus.UNPROCESSABLE_CONTENT, "UnprocessableEntity", ex.getMessage());
		};
	}

	@ExceptionHandler(MalformedRequest.class)
	ResponseEntity<ErrorResponse> malformed(MalformedRequest ex) {
		return error(HttpStatus.BAD_REQUEST, "BadRequest", ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException ex) {
		return error(HttpStatus.BAD_REQUEST, "BadRequest",
				"The request body is not a JSON object of the expected shape; see the OSB spec");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorResponse> mediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.BAD_REQUEST, "BadRequest", "Send the request body as application/json");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ErrorResponse> method(HttpRequestMethodNotSupportedException ex) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ErrorResponse> concurrent(DuplicateKeyException ex) {
		// Two platforms' requests created the same id at the same moment; the loser
		// retries.
		return error(HttpStatus.UNPROCESSABLE_CONTENT, "ConcurrencyError",
				"Another request is creating the same resource; try again");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ErrorResponse> unexpected(Exception ex) {
		if (ex instanceof org.springframework.web.ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			return error(HttpStatus.valueOf(known.getStatusCode().value()), "BadRequest",
					String.valueOf(known.getBody().getDetail()));
		}
		logger.error("Unexpected error in the example broker", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "InternalError",
				"The example broker failed unexpectedly; the error is in Bazaar's log");
	}

	private static ResponseEntity<ErrorResponse> error(HttpStatus status, String error, String description) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ErrorResponse(error, description));
	}

}
