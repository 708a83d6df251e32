package dev.bazaar.shared.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The model of {@code templates/error.html}, as Spring Boot's error controller fills it.
 */
final class ErrorPages {

	private ErrorPages() {
	}

	static ModelAndView page(HttpStatus status, @Nullable String detail) {
		ModelAndView page = new ModelAndView("error", status);
		page.addAllObjects(Map.of("status", status.value(), "error", status.getReasonPhrase()));
		if (detail != null) {
			page.addObject("detail", detail);
		}
		return page;
	}

}
