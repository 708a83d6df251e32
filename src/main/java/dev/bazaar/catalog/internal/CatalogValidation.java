package dev.bazaar.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.bazaar.catalog.CatalogValidationResult;
import dev.bazaar.catalog.ValidatedCatalog;
import dev.bazaar.catalog.ValidatedCatalog.ServiceOffering;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates the body of a broker's {@code GET /v2/catalog} answer against the OSB spec
 * (Catalog Management), listing every error with its path; unknown fields are kept.
 */
public final class CatalogValidation {

	static final String BODY = "body";

	/**
	 * Changes whenever a release changes what these rules accept, so that stored catalogs
	 * are validated again instead of being taken as unchanged by their body's hash.
	 */
	private static final String REVISION = "1";

	/**
	 * The hash of a body as validated by these rules for that API version: equal hashes,
	 * equal results (other brokers cannot take the ids of a stored catalog).
	 */
	public static String bodyHash(String body, String apiVersion) {
		return CatalogJson.sha256(REVISION + "\n" + apiVersion + "\n" + body);
	}

	/**
	 * @param body the response body as text
	 * @param apiVersion the OSB API version the broker was called with, for example
	 * {@code 2.14}
	 * @param otherBrokers the ids other brokers' catalogs use
	 * @throws IllegalArgumentException for an API version Bazaar does not speak
	 */
	public CatalogValidationResult validate(String body, String apiVersion, OtherBrokersIds otherBrokers) {
		CatalogRules rules = CatalogRules.forVersion(apiVersion);
		Problems problems = new Problems();
		ObjectNode root = parse(body, problems);
		JsonNode services = (root != null) ? new FieldReader(root, "", problems).requiredArray("services") : null;
		if (services == null) {
			return new CatalogValidationResult.Invalid(problems.list());
		}
		UniqueValues serviceIds = new UniqueValues("id");
		UniqueValues planIds = new UniqueValues("id");
		List<ServiceOffering> offerings = services(services, new ServiceValidation(rules, problems, planIds),
				serviceIds, problems);
		usedByOthers(serviceIds, otherBrokers.serviceIds(serviceIds.values()), problems);
		usedByOthers(planIds, otherBrokers.planIds(planIds.values()), problems);
		if (!problems.isEmpty()) {
			return new CatalogValidationResult.Invalid(problems.list());
		}
		String hash = CatalogJson.sha256(CatalogJson.canonical(services));
		return new CatalogValidationResult.Valid(new ValidatedCatalog(offerings, hash, bodyHash(body, apiVersion)));
	}

	private static List<ServiceOffering> services(JsonNode services, ServiceValidation validation,
			UniqueValues serviceIds, Problems problems) {
		UniqueValues names = new UniqueValues("name");
		List<ServiceOffering> offerings = new ArrayList<>();
		for (int i = 0; i < services.size(); i++) {
			String path = "services[" + i + "]";
			if (services.get(i) instanceof ObjectNode service) {
				ServiceOffering offering = validation.validate(service, path);
				names.add(offering.name(), path, problems);
				serviceIds.add(offering.id(), path, problems);
				offerings.add(offering);
			}
			else {
				problems.add(path, "must be an object");
			}
		}
		return offerings;
	}

	private static void usedByOthers(UniqueValues ids, Set<String> taken, Problems problems) {
		for (UniqueValues.Occurrence id : ids.occurrences()) {
			if (taken.contains(id.value())) {
				problems.add(id.path(), "'" + id.value() + "' is used by another broker");
			}
		}
	}

	private static @Nullable ObjectNode parse(String body, Problems problems) {
		String text = body.replace("\uFEFF", "").strip();
		if (text.isEmpty()) {
			problems.add(BODY, "not JSON (the body is empty)");
			return null;
		}
		if (text.startsWith("<")) {
			problems.add(BODY, "not JSON (it looks like an HTML or XML page)");
			return null;
		}
		try {
			JsonNode root = CatalogJson.read(text);
			if (root instanceof ObjectNode object) {
				return object;
			}
			problems.add(BODY, "not a JSON object (it is " + kind(root) + ")");
		}
		catch (JacksonException ex) {
			problems.add(BODY, "not JSON (" + describe(ex) + ")");
		}
		return null;
	}

	private static String describe(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage()).lines().findFirst().orElse("unreadable");
		if (message.length() > 160) {
			message = message.substring(0, 160) + "...";
		}
		TokenStreamLocation where = ex.getLocation();
		return (where != null && where.getLineNr() > 0)
				? message + " at line " + where.getLineNr() + ", column " + where.getColumnNr() : message;
	}

	private static String kind(JsonNode node) {
		if (node.isArray()) {
			return "an array";
		}
		if (node.isString()) {
			return "a string";
		}
		if (node.isNumber()) {
			return "a number";
		}
		if (node.isBoolean()) {
			return "a boolean";
		}
		return "null";
	}

}
