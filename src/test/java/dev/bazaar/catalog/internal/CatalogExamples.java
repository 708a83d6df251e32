package dev.bazaar.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The spec's example catalogs, to read as text or to change field by field. */
final class CatalogExamples {

	static final JsonMapper json = JsonMapper.builder().build();

	private CatalogExamples() {
	}

	static String text(String version) {
		try (InputStream in = CatalogExamples.class
			.getResourceAsStream("/catalog/spec-v" + version + "-example.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ObjectNode specExample() {
		return (ObjectNode) json.readTree(text("2.14"));
	}

	static ObjectNode service(ObjectNode catalog, int index) {
		return (ObjectNode) catalog.get("services").get(index);
	}

	static ObjectNode plan(ObjectNode catalog, int service, int plan) {
		return (ObjectNode) service(catalog, service).get("plans").get(plan);
	}

	/**
	 * Sets (or with {@code REMOVE} removes) the field at a dotted path, creating objects
	 * on the way.
	 */
	static void set(ObjectNode node, String path, String jsonValue) {
		int dot = path.indexOf('.');
		if (dot > 0) {
			String head = path.substring(0, dot);
			JsonNode child = node.get(head);
			ObjectNode object = (child instanceof ObjectNode existing) ? existing : node.putObject(head);
			set(object, path.substring(dot + 1), jsonValue);
		}
		else if ("REMOVE".equals(jsonValue)) {
			node.remove(path);
		}
		else {
			node.set(path, json.readTree(jsonValue));
		}
	}

}
