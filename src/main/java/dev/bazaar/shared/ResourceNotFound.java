package dev.bazaar.shared;

import java.util.List;

/** Something asked for does not exist, or belongs to another customer. */
public class ResourceNotFound extends DomainException {

	public ResourceNotFound(String message) {
		super(message, List.of());
	}

	@Override
	public String title() {
		return "Not found";
	}

}
