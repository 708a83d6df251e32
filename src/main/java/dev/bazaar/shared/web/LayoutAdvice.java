package dev.bazaar.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.bazaar.shared.Identifiers;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes the layout and forms of every page use. */
@ControllerAdvice(annotations = PageController.class)
class LayoutAdvice {

	/** The request path, so that the navigation marks the current section. */
	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** The hint shown beside identifier fields. */
	@ModelAttribute("identifierRule")
	String identifierRule() {
		return "Use " + Identifiers.RULE.substring("use ".length()) + ".";
	}

}
