package dev.bazaar.shared.web;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.shared.BrokerFailure;
import dev.bazaar.shared.DomainException;
import dev.bazaar.shared.FieldMessage;
import dev.bazaar.shared.InvalidRequest;
import dev.bazaar.shared.RequestRefused;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.StateConflict;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error of the JSON API into an RFC 9457 problem whose detail a person can
 * act on.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice {

	private static final Log logger = LogFactory.getLog(ProblemDetailsAdvice.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		return problem(statusOf(ex), ex.title(), ex.getMessage(), ex.errors());
	}

	// Two requests that create the same identifier at once both pass the service's check;
	// the database's unique constraint stops the second.
	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict",
				"Something with the same identifier or name was just created; reload, and choose another", List.of());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		List<FieldMessage> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldMessage(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		String detail = "Fix these fields: "
				+ String.join("; ", errors.stream().map((error) -> error.field() + " " + error.message()).toList());
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Malformed request",
				"The request body is not valid JSON of the expected shape; check the field names and types", List.of());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ProblemDetail> badParameter(Exception ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
				"Send the request body as application/json", List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", ex.getMessage(), List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", "There is no such API resource", List.of());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(), List.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Unexpected error in the API", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Bazaar failed unexpectedly; the error is in its log. Try again, and report it if it persists",
				List.of());
	}

	static HttpStatus statusOf(DomainException ex) {
		if (ex instanceof ResourceNotFound) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof StateConflict) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof RequestRefused) {
			return HttpStatus.UNPROCESSABLE_CONTENT;
		}
		if (ex instanceof InvalidRequest) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof BrokerFailure) {
			return HttpStatus.BAD_GATEWAY;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail,
			List<FieldMessage> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
