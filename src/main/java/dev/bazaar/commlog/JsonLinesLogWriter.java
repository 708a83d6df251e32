package dev.bazaar.commlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import tools.jackson.databind.json.JsonMapper;

/** Writes logs as JSON lines: each log the object the search API lists, on a line. */
final class JsonLinesLogWriter implements LogWriter {

	private final Writer out;

	private final JsonMapper json;

	JsonLinesLogWriter(Writer out, JsonMapper json) {
		this.out = out;
		this.json = json;
	}

	@Override
	public void start() {
		// JSON lines have no header.
	}

	@Override
	public void write(LogSummary log) {
		try {
			this.out.write(this.json.writeValueAsString(log));
			this.out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
