package dev.bazaar.osbclient;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLException;

import dev.bazaar.osbclient.OsbResponse.Failed;
import dev.bazaar.osbclient.OsbResponse.FailureKind;

import org.springframework.util.unit.DataSize;

/**
 * Turns what went wrong in a call into a {@link Failed} whose message says what to check.
 */
final class FailureExplainer {

	private static final String TLS = "TLS handshake failed: ";

	private final OsbClientProperties properties;

	FailureExplainer(OsbClientProperties properties) {
		this.properties = properties;
	}

	Failed explain(Throwable failure, String url, long durationMs) {
		List<Throwable> chain = chain(failure);
		String target = hostAndPort(url);
		if (has(chain, ResponseTooLarge.class)) {
			return new Failed(FailureKind.RESPONSE_TOO_LARGE, "the answer exceeded the limit of "
					+ size(this.properties.maxResponseSize()) + " (bazaar.osb.max-response-size)", durationMs);
		}
		if (has(chain, HttpConnectTimeoutException.class)) {
			return new Failed(FailureKind.TIMEOUT,
					"could not connect to " + target + " within " + duration(this.properties.connectTimeout())
							+ " (connect timeout): is the broker running and reachable from Bazaar?",
					durationMs);
		}
		if (has(chain, HttpTimeoutException.class)) {
			return timeout(this.properties.responseTimeout(), "response timeout", durationMs);
		}
		if (has(chain, UnresolvedAddressException.class) || has(chain, UnknownHostException.class)) {
			return new Failed(FailureKind.UNKNOWN_HOST,
					"the host name of " + target + " does not resolve: check the endpoint's spelling and Bazaar's DNS",
					durationMs);
		}
		if (has(chain, SSLException.class)) {
			return new Failed(FailureKind.TLS, tls(chain), durationMs);
		}
		if (has(chain, ConnectException.class)) {
			return connect(chain, target, durationMs);
		}
		return new Failed(FailureKind.IO, "the exchange with " + target + " failed: " + describe(failure)
				+ "; the broker closed the connection or sent malformed HTTP", durationMs);
	}

	Failed timeout(Duration limit, String which, long durationMs) {
		return new Failed(FailureKind.TIMEOUT,
				"the broker did not answer within " + duration(limit) + " (" + which + ")", durationMs);
	}

	private static Failed connect(List<Throwable> chain, String target, long durationMs) {
		if (chain.stream().anyMatch((cause) -> messageOf(cause).contains("refused"))
				|| chain.stream().allMatch((cause) -> cause.getMessage() == null)) {
			return new Failed(FailureKind.CONNECTION_REFUSED,
					"connection refused by " + target + ": is the broker running and is the endpoint right?",
					durationMs);
		}
		return new Failed(FailureKind.IO, "could not connect to " + target + ": " + describe(chain.get(0))
				+ "; is the endpoint right and reachable from Bazaar?", durationMs);
	}

	private static String tls(List<Throwable> chain) {
		if (has(chain, CertificateExpiredException.class) || anyMessage(chain, "validity check failed")) {
			return TLS + "the broker's certificate expired (certificate expired); the broker must renew it";
		}
		if (has(chain, CertificateNotYetValidException.class)) {
			return TLS + "the broker's certificate is not yet valid; check its dates and the clocks";
		}
		if (anyMessage(chain, "no subject alternative") || anyMessage(chain, "no name matching")) {
			return TLS + "host name mismatch: the broker's certificate is not issued for the endpoint's host name ("
					+ describe(chain.get(chain.size() - 1)) + ")";
		}
		if (has(chain, CertPathBuilderException.class) || anyMessage(chain, "pkix path")) {
			return TLS + "the broker's certificate is not trusted (PKIX path building failed); "
					+ "install its CA in the trust store or set bazaar.osb.ca-bundle";
		}
		return TLS + describe(chain.get(chain.size() - 1));
	}

	private static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

	private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
		return chain.stream().anyMatch(type::isInstance);
	}

	private static boolean anyMessage(List<Throwable> chain, String part) {
		return chain.stream().anyMatch((cause) -> messageOf(cause).contains(part));
	}

	private static String messageOf(Throwable cause) {
		return Optional.ofNullable(cause.getMessage()).orElse("").toLowerCase(Locale.ROOT);
	}

	private static String describe(Throwable cause) {
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	private static String hostAndPort(String url) {
		try {
			URI uri = URI.create(url);
			int port = (uri.getPort() != -1) ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
			return uri.getHost() + ":" + port;
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

	static String duration(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	static String size(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + " MB";
		}
		return (bytes % 1024 == 0) ? size.toKilobytes() + " KB" : bytes + " bytes";
	}

}
