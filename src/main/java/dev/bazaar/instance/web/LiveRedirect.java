package dev.bazaar.instance.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Sends a polling htmx request elsewhere once what it watches is gone, with a message for
 * the next page.
 */
final class LiveRedirect {

	private LiveRedirect() {
	}

	/** Sets {@code HX-Redirect} and the flash message; the view name renders nothing. */
	static String to(String path, String message, HttpServletRequest request, HttpServletResponse response) {
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("flash", message);
		flash.setTargetRequestPath(path);
		RequestContextUtils.saveOutputFlashMap(path, request, response);
		response.setHeader("HX-Redirect", request.getContextPath() + path);
		return "instance/parts :: nothing";
	}

}
