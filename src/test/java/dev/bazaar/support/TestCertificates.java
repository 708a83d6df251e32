package dev.bazaar.support;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test CA and server certificates, made with BouncyCastle for each test run. */
public final class TestCertificates {

	private static final AtomicLong serials = new AtomicLong(System.currentTimeMillis());

	private static final char[] PASSWORD = "changeit".toCharArray();

	private TestCertificates() {
	}

	/** A key pair with its certificate. */
	public record Issued(KeyPair keys, X509Certificate certificate, X509Certificate... chain) {

		/** A server-side TLS context presenting this certificate (and its chain). */
		public SSLContext serverContext() {
			try {
				KeyStore store = KeyStore.getInstance("PKCS12");
				store.load(null, null);
				Certificate[] full = new Certificate[this.chain.length + 1];
				full[0] = this.certificate;
				System.arraycopy(this.chain, 0, full, 1, this.chain.length);
				store.setKeyEntry("server", this.keys.getPrivate(), PASSWORD, full);
				KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				factory.init(store, PASSWORD);
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(factory.getKeyManagers(), null, null);
				return context;
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** Writes the certificate as PEM into a temporary file. */
		public Path writePem() {
			try {
				String pem = "-----BEGIN CERTIFICATE-----\n"
						+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(this.certificate.getEncoded())
						+ "\n-----END CERTIFICATE-----\n";
				Path file = Files.createTempFile("bazaar-test-ca", ".pem");
				file.toFile().deleteOnExit();
				return Files.writeString(file, pem);
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	public static Issued certificateAuthority(String name) {
		KeyPair keys = keyPair();
		Instant now = Instant.now();
		X509Certificate certificate = sign(
				builder(name, name, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), true), keys);
		return new Issued(keys, certificate);
	}

	/** A server certificate for the host name, signed by the CA, valid in the window. */
	public static Issued server(Issued ca, String hostName, Instant notBefore, Instant notAfter) {
		KeyPair keys = keyPair();
		X509v3CertificateBuilder builder = builder(ca.certificate().getSubjectX500Principal().getName(),
				"CN=" + hostName, keys, notBefore, notAfter, false);
		addHostName(builder, hostName);
		return new Issued(keys, sign(builder, ca.keys()), ca.certificate());
	}

	public static Issued server(Issued ca, String hostName) {
		Instant now = Instant.now();
		return server(ca, hostName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
	}

	public static Issued selfSigned(String hostName) {
		KeyPair keys = keyPair();
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = builder("CN=" + hostName, "CN=" + hostName, keys,
				now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), false);
		addHostName(builder, hostName);
		return new Issued(keys, sign(builder, keys));
	}

	private static X509v3CertificateBuilder builder(String issuer, String subject, KeyPair keys, Instant notBefore,
			Instant notAfter, boolean ca) {
		try {
			return new JcaX509v3CertificateBuilder(new X500Name(issuer.startsWith("CN=") ? issuer : "CN=" + issuer),
					BigInteger.valueOf(serials.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
					new X500Name(subject.startsWith("CN=") ? subject : "CN=" + subject), keys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void addHostName(X509v3CertificateBuilder builder, String hostName) {
		try {
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(new GeneralName(GeneralName.dNSName, hostName)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) {
		try {
			return new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
