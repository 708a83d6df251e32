package dev.bazaar.commlog.internal;

import dev.bazaar.commlog.internal.LogBodies.StoredBody;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a body is stored: whole up to {@code bazaar.commlog.max-body-length}, cut beyond it
 * with a line saying so, and hashed as stored.
 */
class LogBodiesTests {

	private final LogBodies bodies = new LogBodies(null, 4, 10);

	@Test
	void keepsABodyOfTheLimitWhole() {
		StoredBody stored = this.bodies.columns("z".repeat(10));

		assertThat(stored.shared()).isEqualTo("z".repeat(10));
		assertThat(stored.hash()).isEqualTo(LogBodies.sha256("z".repeat(10)));
	}

	@Test
	void cutsALongerBodyAndSaysSo() {
		StoredBody stored = this.bodies.columns("z".repeat(11));

		assertThat(stored.shared()).isEqualTo("z".repeat(10) + "\n[cut by Bazaar: the body had 11 characters, "
				+ "the first 10 are stored (bazaar.commlog.max-body-length)]");
		assertThat(stored.hash()).isEqualTo(LogBodies.sha256(stored.shared()));
		assertThat(stored.inline()).isNull();
	}

	@Test
	void keepsShortBodiesInTheRow() {
		assertThat(this.bodies.columns("abc")).isEqualTo(new StoredBody("abc", null, null));
		assertThat(this.bodies.columns(null)).isEqualTo(new StoredBody(null, null, null));
	}

}
