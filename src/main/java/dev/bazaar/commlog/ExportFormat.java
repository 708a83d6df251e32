package dev.bazaar.commlog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import dev.bazaar.shared.InvalidRequest;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** How an export of logs is written: CSV with a header row, or one JSON object a line. */
public enum ExportFormat {

	CSV("text/csv", "csv"), JSONL("application/jsonl", "jsonl");

	private final String mediaType;

	private final String extension;

	ExportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	/** The name of the file for the broker's export. */
	public String fileName(String brokerIdentifier) {
		return brokerIdentifier + "-communication-logs." + this.extension;
	}

	/** Reads {@code csv} or {@code jsonl}; throws {@link InvalidRequest} otherwise. */
	public static ExportFormat parse(@Nullable String text) {
		if (text != null) {
			for (ExportFormat format : values()) {
				if (format.extension.equals(text.strip().toLowerCase(Locale.ROOT))) {
					return format;
				}
			}
		}
		throw InvalidRequest.forField("format", "'" + text + "' is not an export format; use csv or jsonl");
	}

	/**
	 * Starts the HTTP response of an export: its type and file name; returns the writer
	 * of its body.
	 */
	public Writer startResponse(HttpServletResponse response, String brokerIdentifier) {
		response.setContentType(this.mediaType + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName(brokerIdentifier)).build().toString());
		try {
			return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	LogWriter writer(Writer out, JsonMapper json) {
		return (this == CSV) ? new CsvLogWriter(out) : new JsonLinesLogWriter(out, json);
	}

}
