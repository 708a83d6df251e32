package dev.bazaar.broker.web;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.bazaar.broker.CatalogUnavailable;
import dev.bazaar.shared.web.Forms;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Runs a registration or an edit: field errors go beside the fields, a catalog that
 * cannot be fetched or is invalid goes to the top of the form with its errors listed.
 */
final class BrokerForms {

	private BrokerForms() {
	}

	static <T> Optional<T> submit(BindingResult form, Model model, Supplier<T> action) {
		return Forms.submit(form, () -> {
			try {
				return Optional.of(action.get());
			}
			catch (CatalogUnavailable ex) {
				model.addAttribute("catalogFailure", CatalogFailure.of(ex));
				return Optional.<T>empty();
			}
		}).flatMap(Function.identity());
	}

}
