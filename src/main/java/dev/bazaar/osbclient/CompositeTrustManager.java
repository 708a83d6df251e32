package dev.bazaar.osbclient;

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a broker's certificate when any of its trust managers does (the JVM's trust
 * store, the configured CA bundle), including their host-name checks; trusts no client.
 */
final class CompositeTrustManager extends X509ExtendedTrustManager {

	private final List<X509ExtendedTrustManager> delegates;

	CompositeTrustManager(List<X509ExtendedTrustManager> delegates) {
		this.delegates = List.copyOf(delegates);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		anyTrusts((delegate) -> delegate.checkServerTrusted(chain, authType, engine));
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		anyTrusts((delegate) -> delegate.checkServerTrusted(chain, authType, socket));
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		anyTrusts((delegate) -> delegate.checkServerTrusted(chain, authType));
	}

	// Bazaar's client connects to brokers only: no client certificate is ever its to
	// check.
	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		throw clientsNotChecked();
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		throw clientsNotChecked();
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw clientsNotChecked();
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.delegates.stream()
			.flatMap((delegate) -> List.of(delegate.getAcceptedIssuers()).stream())
			.toArray(X509Certificate[]::new);
	}

	private static CertificateException clientsNotChecked() {
		return new CertificateException("Bazaar trusts brokers' certificates only, never a client's");
	}

	private void anyTrusts(Check check) throws CertificateException {
		List<CertificateException> failures = new ArrayList<>();
		for (X509ExtendedTrustManager delegate : this.delegates) {
			try {
				check.run(delegate);
				return;
			}
			catch (CertificateException ex) {
				failures.add(ex);
			}
		}
		throw mostTelling(failures);
	}

	// A manager that found a path to its CA but then failed (expired, wrong host name)
	// says more about what to fix than one that does not know the CA at all.
	private static CertificateException mostTelling(List<CertificateException> failures) {
		return failures.stream().filter((failure) -> !isUnknownIssuer(failure)).findFirst().orElse(failures.get(0));
	}

	private static boolean isUnknownIssuer(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CertPathBuilderException) {
				return true;
			}
		}
		return false;
	}

	@FunctionalInterface
	private interface Check {

		void run(X509ExtendedTrustManager delegate) throws CertificateException;

	}

}
