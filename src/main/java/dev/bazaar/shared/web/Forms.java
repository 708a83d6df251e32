package dev.bazaar.shared.web;

import java.util.Optional;
import java.util.function.Supplier;

import dev.bazaar.shared.DomainException;
import dev.bazaar.shared.FieldMessage;
import dev.bazaar.shared.ResourceNotFound;

import org.springframework.validation.BindingResult;

/**
 * Runs a form's action and turns the domain's refusal into errors beside the form's
 * fields, or at the top of the form when no field is named.
 */
public final class Forms {

	private Forms() {
	}

	/**
	 * The action's result, or empty when the form has errors already or the domain
	 * refused it; a {@link ResourceNotFound} is not a form error and propagates.
	 */
	public static <T> Optional<T> submit(BindingResult form, Supplier<T> action) {
		if (form.hasErrors()) {
			return Optional.empty();
		}
		try {
			return Optional.of(action.get());
		}
		catch (ResourceNotFound ex) {
			throw ex;
		}
		catch (DomainException ex) {
			reject(form, ex);
			return Optional.empty();
		}
	}

	/** Like {@link #submit(BindingResult, Supplier)}, for an action without a result. */
	public static boolean run(BindingResult form, Runnable action) {
		return submit(form, () -> {
			action.run();
			return Boolean.TRUE;
		}).isPresent();
	}

	/**
	 * Shows the exception's field messages beside their fields, or its message on top.
	 */
	public static void reject(BindingResult form, DomainException ex) {
		if (ex.errors().isEmpty()) {
			form.reject("refused", ex.getMessage());
			return;
		}
		for (FieldMessage error : ex.errors()) {
			if (form.getFieldType(error.field()) != null) {
				form.rejectValue(error.field(), "refused", error.message());
			}
			else {
				form.reject("refused", error.field() + " " + error.message());
			}
		}
	}

}
