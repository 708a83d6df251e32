package dev.bazaar.osbclient;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The two long-lived HTTP clients: one that verifies brokers' certificates and host
 * names, one for brokers in development mode that does not. HTTP/1.1, no redirects, and
 * each client's work done on its selector thread.
 */
@Component
class BrokerHttpClients {

	private final HttpClient verifying;

	private final HttpClient development;

	BrokerHttpClients(OsbClientProperties properties) {
		this.verifying = build(properties, verifyingTrust(properties));
		this.development = build(properties, new TrustAllManager());
	}

	HttpClient forDevelopmentMode(boolean developmentMode) {
		return developmentMode ? this.development : this.verifying;
	}

	private static HttpClient build(OsbClientProperties properties, X509ExtendedTrustManager trust) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			// The client's own work (reading answers, completing them) runs on its
			// selector thread instead of being handed to a pool thread per step: the
			// hand-offs cost more than the work (ADR 0013). Nothing in it blocks: the
			// body handler copies bytes, callers wait in their own thread.
			.executor(Runnable::run)
			.connectTimeout(properties.connectTimeout())
			// Never follow redirects: they would carry the broker's credentials
			// elsewhere.
			.followRedirects(HttpClient.Redirect.NEVER)
			.sslContext(sslContext(trust))
			.build();
	}

	private static SSLContext sslContext(X509ExtendedTrustManager trust) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { trust }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot set up TLS for calls to brokers: " + ex.getMessage(), ex);
		}
	}

	private static X509ExtendedTrustManager verifyingTrust(OsbClientProperties properties) {
		List<X509ExtendedTrustManager> managers = new ArrayList<>();
		// Null: the JVM's trust store, which honours -Djavax.net.ssl.trustStore.
		managers.add(trustManager(null));
		properties.caBundlePath().ifPresent((bundle) -> managers.add(trustManager(caBundle(bundle))));
		return new CompositeTrustManager(managers);
	}

	private static X509ExtendedTrustManager trustManager(@Nullable KeyStore trusted) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trusted);
			for (TrustManager manager : factory.getTrustManagers()) {
				if (manager instanceof X509ExtendedTrustManager extended) {
					return extended;
				}
			}
			throw new IllegalStateException("The JVM offers no X.509 trust manager");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the trusted certificates: " + ex.getMessage(), ex);
		}
	}

	private static KeyStore caBundle(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			if (certificates.isEmpty()) {
				throw new IllegalStateException("bazaar.osb.ca-bundle: " + file + " holds no PEM certificate");
			}
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int index = 0;
			for (Certificate certificate : certificates) {
				store.setCertificateEntry("ca-" + index++, certificate);
			}
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("bazaar.osb.ca-bundle: cannot read CA certificates from " + file + ": "
					+ ex.getMessage() + "; give a readable PEM file, or leave the setting empty", ex);
		}
	}

}
