package dev.bazaar.catalog;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds catalog bodies that read like the broker's answer. */
final class TestCatalogs {

	private static final JsonMapper json = JsonMapper.builder().build();

	private TestCatalogs() {
	}

	static String catalog(ObjectNode... services) {
		ObjectNode catalog = json.createObjectNode();
		ArrayNode list = catalog.putArray("services");
		for (ObjectNode service : services) {
			list.add(service);
		}
		return catalog.toString();
	}

	static ObjectNode service(String name, String id, ObjectNode... plans) {
		ObjectNode service = json.createObjectNode()
			.put("name", name)
			.put("id", id)
			.put("description", "The " + name + " service")
			.put("bindable", true);
		ArrayNode list = service.putArray("plans");
		for (ObjectNode plan : plans) {
			list.add(plan);
		}
		return service;
	}

	static ObjectNode plan(String name, String id) {
		return json.createObjectNode().put("name", name).put("id", id).put("description", "The " + name + " plan");
	}

}
