package dev.bazaar.examplebroker.internal;

/** The JSON Schemas (draft-04) of the example PostgreSQL plans' parameters. */
final class ParameterSchemas {

	static final String INSTANCE_CREATE = """
			{
			  "$schema": "http://json-schema.org/draft-04/schema#",
			  "type": "object",
			  "properties": {
			    "version": {
			      "type": "string",
			      "title": "PostgreSQL version",
			      "enum": ["14", "15", "16"]
			    },
			    "storage_gb": {
			      "type": "integer",
			      "title": "Storage (GB)",
			      "minimum": 1,
			      "maximum": 100,
			      "default": 10
			    },
			    "backups": {
			      "type": "boolean",
			      "title": "Daily backups",
			      "default": false
			    }
			  },
			  "required": ["version"],
			  "additionalProperties": false
			}
			""";

	static final String INSTANCE_UPDATE = """
			{
			  "$schema": "http://json-schema.org/draft-04/schema#",
			  "type": "object",
			  "properties": {
			    "storage_gb": {
			      "type": "integer",
			      "title": "Storage (GB)",
			      "minimum": 1,
			      "maximum": 100
			    },
			    "backups": {
			      "type": "boolean",
			      "title": "Daily backups"
			    }
			  },
			  "additionalProperties": false
			}
			""";

	static final String BINDING_CREATE = """
			{
			  "$schema": "http://json-schema.org/draft-04/schema#",
			  "type": "object",
			  "properties": {
			    "read_only": {
			      "type": "boolean",
			      "title": "Read-only credentials",
			      "default": false
			    }
			  },
			  "additionalProperties": false
			}
			""";

	private ParameterSchemas() {
	}

}
