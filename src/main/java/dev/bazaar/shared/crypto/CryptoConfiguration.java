package dev.bazaar.shared.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link SecretCipher}. The key is {@code bazaar.crypto.key} (base64 of 32
 * bytes); without it, and with {@code bazaar.crypto.generate-key-file=true} (the embedded
 * quick start), a key file is created in the data folder, readable by its owner only.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	private static final Log logger = LogFactory.getLog(CryptoConfiguration.class);

	@Bean
	SecretCipher secretCipher(@Value("${bazaar.crypto.key:}") String key,
			@Value("${bazaar.crypto.generate-key-file:false}") boolean generateKeyFile,
			@Value("${bazaar.data-dir:./data}") String dataDir) throws IOException {
		if (!key.isBlank()) {
			return new SecretCipher(decode(key.strip(), "bazaar.crypto.key (BAZAAR_CRYPTO_KEY)"));
		}
		if (!generateKeyFile) {
			throw new IllegalStateException("No encryption key: set BAZAAR_CRYPTO_KEY to the base64 of 32 random bytes "
					+ "(for example: openssl rand -base64 32); every Bazaar node must use the same key");
		}
		return new SecretCipher(keyFromFile(Path.of(dataDir, "secret.key")));
	}

	private static SecretKey keyFromFile(Path file) throws IOException {
		if (Files.exists(file)) {
			return decode(Files.readString(file).strip(), file.toString());
		}
		Files.createDirectories(file.getParent());
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		Files.createFile(file);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			file.toFile().setReadable(false, false);
			file.toFile().setReadable(true, true);
		}
		Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
		logger.info("Generated a new encryption key in " + file.toAbsolutePath() + " (keep it with the data)");
		return new SecretKeySpec(bytes, "AES");
	}

	private static SecretKey decode(String base64, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The encryption key in " + source + " is not valid base64");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("The encryption key in " + source
					+ " must be 32 bytes (base64 of 32 bytes), " + "it is " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

}
