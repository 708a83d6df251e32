package dev.bazaar.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers requests no controller maps: a problem under {@code /api}, the error page
 * elsewhere, so that a mistyped address in the browser shows a page and not JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnmappedRequestAdvice {

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(HttpServletRequest request) {
		if (isApi(request)) {
			return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "Not found", "There is no such API resource",
					List.of());
		}
		return ErrorPages.page(HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		if (isApi(request)) {
			return ProblemDetailsAdvice.problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", ex.getMessage(),
					List.of());
		}
		return ErrorPages.page(HttpStatus.METHOD_NOT_ALLOWED, null);
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

}
