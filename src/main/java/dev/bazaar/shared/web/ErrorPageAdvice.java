package dev.bazaar.shared.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.shared.DomainException;
import dev.bazaar.shared.ResourceNotFound;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders the error page for failures of page controllers: unknown or foreign resources
 * are 404, a role that lacks a right is 403. Only domain messages, which are written for
 * people, may appear on the page; exception text never does.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPageAdvice {

	private static final Log logger = LogFactory.getLog(ErrorPageAdvice.class);

	@ExceptionHandler(ResourceNotFound.class)
	ModelAndView notFound() {
		return ErrorPages.page(HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden() {
		return ErrorPages.page(HttpStatus.FORBIDDEN, null);
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView domain(DomainException ex) {
		return ErrorPages.page(ProblemDetailsAdvice.statusOf(ex), ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex) {
		HttpStatus status = (ex instanceof ErrorResponse response)
				? HttpStatus.resolve(response.getStatusCode().value()) : null;
		if (status == null || status.is5xxServerError()) {
			logger.error("Unexpected error on a page", ex);
			return ErrorPages.page(HttpStatus.INTERNAL_SERVER_ERROR, null);
		}
		return ErrorPages.page(status, null);
	}

}
