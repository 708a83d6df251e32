package dev.bazaar.shared;

import java.util.List;

/**
 * The request conflicts with the current state (a taken identifier, an approved
 * publication).
 */
public class StateConflict extends DomainException {

	public StateConflict(String message) {
		super(message, List.of());
	}

	public StateConflict(String message, List<FieldMessage> errors) {
		super(message, errors);
	}

	@Override
	public String title() {
		return "Conflict";
	}

}
