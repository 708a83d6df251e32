package dev.bazaar.broker;

import java.util.List;

import dev.bazaar.shared.FieldMessage;
import dev.bazaar.shared.RequestRefused;

/**
 * A broker's catalog could not be fetched or is invalid; the message says why and what to
 * fix.
 */
public class CatalogUnavailable extends RequestRefused {

	public CatalogUnavailable(String message) {
		super(message);
	}

	public CatalogUnavailable(String message, List<FieldMessage> errors) {
		super(message, errors);
	}

	@Override
	public String title() {
		return "Catalog unavailable";
	}

}
