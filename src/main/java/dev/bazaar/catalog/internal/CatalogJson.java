package dev.bazaar.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads catalogs and writes their canonical JSON (keys sorted), the basis of hashes. */
public final class CatalogJson {

	static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonMapper canonical = JsonMapper.builder()
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.build();

	private CatalogJson() {
	}

	static String canonical(JsonNode node) {
		return canonical.writeValueAsString(node);
	}

	/**
	 * The JSON as the broker wrote it: property order matters to people (a form's
	 * fields).
	 */
	static String asWritten(JsonNode node) {
		return mapper.writeValueAsString(node);
	}

	static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode read(String json) {
		return mapper.readTree(json);
	}

	static String write(Object value) {
		return mapper.writeValueAsString(value);
	}

	static <T> T read(String json, Class<T> type) {
		return mapper.readValue(json, type);
	}

}
