package dev.bazaar.commlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import dev.bazaar.shared.InvalidRequest;

/**
 * Where the next page of logs starts: just after this log in the order newest first.
 * Opaque to clients.
 *
 * @param requestedAt the last shown log's time
 * @param id the last shown log's id, which orders logs of equal time
 */
public record LogCursor(Instant requestedAt, long id) {

	/**
	 * The cursor as text: seconds and nanoseconds of the time, and the id (cheaper to
	 * write than an ISO-8601 time, which every page of a search pays for).
	 */
	public String encode() {
		String plain = this.requestedAt.getEpochSecond() + "." + this.requestedAt.getNano() + "|" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor from {@link #encode}, or from the ISO-8601 form earlier versions
	 * wrote; throws {@link InvalidRequest} otherwise.
	 */
	public static LogCursor decode(String text) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
			int bar = plain.indexOf('|');
			String time = plain.substring(0, bar);
			int dot = time.indexOf('.');
			Instant requestedAt = (time.indexOf('T') >= 0) ? Instant.parse(time) : Instant
				.ofEpochSecond(Long.parseLong(time.substring(0, dot)), Long.parseLong(time.substring(dot + 1)));
			return new LogCursor(requestedAt, Long.parseLong(plain.substring(bar + 1)));
		}
		catch (RuntimeException ex) {
			throw InvalidRequest.forField("cursor",
					"is not a cursor this API gave out; pass the nextCursor of the previous page unchanged");
		}
	}

}
