package dev.bazaar.catalog.internal;

import java.util.regex.Pattern;

/**
 * The rules that differ between OSB API versions.
 *
 * @param apiVersion the version, for example {@code 2.14}
 * @param cliFriendlyNames whether service and plan names MUST be CLI-friendly (2.14; only
 * RECOMMENDED from 2.15)
 * @param semanticMaintenanceVersion whether {@code maintenance_info.version} MUST be a
 * semantic version (2.15 and later, where {@code maintenance_info} is defined)
 */
record CatalogRules(String apiVersion, boolean cliFriendlyNames, boolean semanticMaintenanceVersion) {

	/**
	 * Longest id or name Bazaar stores: the spec RECOMMENDS at most 255 characters for
	 * strings.
	 */
	static final int MAX_IDENTIFIER_LENGTH = 255;

	/** Largest JSON schema the spec allows: 64kB. */
	static final int MAX_SCHEMA_BYTES = 64 * 1024;

	private static final Pattern CLI_FRIENDLY = Pattern.compile("[A-Za-z0-9.-]+");

	// https://semver.org/spec/v2.0.0.html#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string
	private static final Pattern SEMANTIC_VERSION = Pattern
		.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
				+ "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

	static CatalogRules forVersion(String apiVersion) {
		return switch (apiVersion) {
			case "2.14" -> new CatalogRules(apiVersion, true, false);
			case "2.15", "2.16", "2.17" -> new CatalogRules(apiVersion, false, true);
			default -> throw new IllegalArgumentException("Unsupported OSB API version " + apiVersion);
		};
	}

	/** Reports a name that is not CLI-friendly, where this version requires it. */
	void checkName(FieldReader reader, String name) {
		if (this.cliFriendlyNames && !name.isEmpty() && !isCliFriendly(name)) {
			reader.problem("name", "'" + name + "' must only contain alphanumeric characters, periods and hyphens (OSB "
					+ this.apiVersion + ")");
		}
	}

	/**
	 * Reports a maintenance version that is not semantic, where this version requires it.
	 */
	void checkMaintenanceVersion(FieldReader reader, String version) {
		if (this.semanticMaintenanceVersion && !version.isEmpty() && !isSemanticVersion(version)) {
			reader.problem("version", "'" + version + "' must be a semantic version (semver 2.0), for example 1.2.3");
		}
	}

	static boolean isCliFriendly(String name) {
		return CLI_FRIENDLY.matcher(name).matches();
	}

	static boolean isSemanticVersion(String version) {
		return SEMANTIC_VERSION.matcher(version).matches();
	}

}
