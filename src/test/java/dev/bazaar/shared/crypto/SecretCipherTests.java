package dev.bazaar.shared.crypto;

import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTests {

	private final SecretCipher cipher = new SecretCipher(new SecretKeySpec(new byte[32], "AES"));

	private final SecretCipher otherKey = new SecretCipher(new SecretKeySpec(filled(7), "AES"));

	@Test
	void decryptsWhatItEncryptedWithAFreshNonceEachTime() {
		String first = this.cipher.encrypt("s3cret");
		String second = this.cipher.encrypt("s3cret");

		assertThat(first).startsWith("v1:").isNotEqualTo(second).doesNotContain("s3cret");
		assertThat(this.cipher.decrypt(first)).isEqualTo("s3cret");
		assertThat(this.cipher.decrypt(second)).isEqualTo("s3cret");
	}

	@Test
	void refusesATamperedValueAndStillWorksOnTheSameThreadAfterwards() {
		String stored = this.cipher.encrypt("password");
		byte[] raw = Base64.getDecoder().decode(stored.substring(3));
		raw[raw.length - 1] ^= 1;
		String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(tampered))
			.withMessageContaining("bazaar.crypto.key");
		assertThatIllegalStateException().isThrownBy(() -> this.otherKey.decrypt(stored));
		// The thread's cipher is initialized anew for each value: a failure leaves no
		// state.
		assertThat(this.cipher.decrypt(stored)).isEqualTo("password");
		assertThat(this.otherKey.decrypt(this.otherKey.encrypt("other"))).isEqualTo("other");
	}

	@Test
	void threadsDecryptConcurrently() throws Exception {
		String stored = this.cipher.encrypt("shared");
		Thread[] threads = new Thread[4];
		String[] results = new String[threads.length];
		for (int t = 0; t < threads.length; t++) {
			int index = t;
			threads[t] = new Thread(() -> {
				String last = null;
				for (int i = 0; i < 500; i++) {
					last = this.cipher.decrypt(this.cipher.encrypt("mine-" + index));
					assertThat(this.cipher.decrypt(stored)).isEqualTo("shared");
				}
				results[index] = last;
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(results).containsExactly("mine-0", "mine-1", "mine-2", "mine-3");
	}

	private static byte[] filled(int value) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) value);
		return key;
	}

}
