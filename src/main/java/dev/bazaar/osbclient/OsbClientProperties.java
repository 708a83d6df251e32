package dev.bazaar.osbclient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the OSB client ({@code bazaar.osb.*}).
 *
 * @param connectTimeout how long to wait for a connection to a broker
 * @param responseTimeout how long to wait for a broker's answer once connected
 * @param maxResponseSize the largest answer read; larger ones fail
 * @param caBundle a PEM file of CA certificates trusted besides the JVM's trust store, or
 * blank
 */
@ConfigurationProperties("bazaar.osb")
public record OsbClientProperties(@DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("60s") Duration responseTimeout, @DefaultValue("10MB") DataSize maxResponseSize,
		@Nullable String caBundle) {

	/** The CA bundle's file, when one is configured. */
	public Optional<Path> caBundlePath() {
		return (this.caBundle == null || this.caBundle.isBlank()) ? Optional.empty()
				: Optional.of(Path.of(this.caBundle.strip()));
	}

}
