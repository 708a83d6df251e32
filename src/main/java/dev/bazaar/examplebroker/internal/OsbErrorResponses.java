package dev.bazaar.examplebroker.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/** Writes OSB error bodies from filters, where no message converter is at hand. */
final class OsbErrorResponses {

	private static final JsonMapper json = JsonMapper.builder().build();

	private OsbErrorResponses() {
	}

	static void write(HttpServletResponse response, int status, String error, String description) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getWriter(), new OsbError(error, description));
	}

	record OsbError(String error, String description) {
	}

}
