package dev.bazaar.instance.web;

/** How a parameter is entered, chosen from its JSON Schema. */
public enum FieldKind {

	/** A text input, for strings. */
	TEXT,
	/** A select, for enums (and booleans when a change may leave them as they are). */
	SELECT,
	/** A number input that takes whole numbers. */
	INTEGER,
	/** A number input. */
	NUMBER,
	/** A checkbox, for booleans. */
	CHECKBOX,
	/** A JSON textarea, for shapes the form cannot show (objects, arrays, untyped). */
	JSON

}
