package dev.bazaar.osbclient;

import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The broker trust judges servers only: a client certificate is refused even from a
 * trusted CA.
 */
class CompositeTrustManagerTests {

	@Test
	void trustsNoClientCertificate() throws Exception {
		CompositeTrustManager manager = new CompositeTrustManager(List.of(jvmTrustManager()));
		X509Certificate[] chain = manager.getAcceptedIssuers();
		assertThat(chain).isNotEmpty();

		assertThatExceptionOfType(CertificateException.class)
			.isThrownBy(() -> manager.checkClientTrusted(new X509Certificate[] { chain[0] }, "RSA"))
			.withMessageContaining("never a client's");
	}

	private static X509ExtendedTrustManager jvmTrustManager() throws Exception {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init((KeyStore) null);
		return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
	}

}
