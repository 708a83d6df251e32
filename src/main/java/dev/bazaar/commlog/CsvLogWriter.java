package dev.bazaar.commlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Writes logs as CSV (RFC 4180): a header row, then one row a log; a value with a comma,
 * quote or line break is quoted, its quotes doubled.
 */
final class CsvLogWriter implements LogWriter {

	static final String HEADER = "id,requestedAt,operationType,method,url,responseCode,durationMs,planId,instanceId,location";

	private final Writer out;

	CsvLogWriter(Writer out) {
		this.out = out;
	}

	@Override
	public void start() {
		line(HEADER);
	}

	@Override
	public void write(LogSummary log) {
		line(Arrays
			.stream(new @Nullable Object[] { log.id(), log.requestedAt(), log.operationType(), log.method(), log.url(),
					log.responseCode(), log.durationMs(), log.planId(), log.instanceId(), log.location() })
			.map(CsvLogWriter::field)
			.collect(Collectors.joining(",")));
	}

	static String field(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		boolean quote = text.chars().anyMatch((c) -> c == ',' || c == '"' || c == '\n' || c == '\r');
		return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	private void line(String text) {
		try {
			this.out.write(text);
			this.out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
