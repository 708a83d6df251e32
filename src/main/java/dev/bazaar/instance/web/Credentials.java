package dev.bazaar.instance.web;

import dev.bazaar.instance.ServiceBinding;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Shows a binding's credentials as indented JSON. */
@Component
class Credentials {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** The credentials, indented, or null when the binding has none (yet). */
	@Nullable String pretty(ServiceBinding binding) {
		String credentials = binding.credentials();
		if (credentials == null) {
			return null;
		}
		try {
			return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(credentials));
		}
		catch (JacksonException ex) {
			return credentials;
		}
	}

}
