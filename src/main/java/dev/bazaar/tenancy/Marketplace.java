package dev.bazaar.tenancy;

/**
 * A marketplace a project can add: its customer's private one ({@code private}) or a
 * location's.
 *
 * @param identifier {@code private} or a location identifier
 * @param displayName what people read
 * @param type whether it is the private marketplace or a location
 */
public record Marketplace(String identifier, String displayName, Type type) {

	public static final String PRIVATE = "private";

	/** The two kinds of marketplace. */
	public enum Type {

		PRIVATE, LOCATION

	}

}
