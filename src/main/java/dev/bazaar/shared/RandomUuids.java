package dev.bazaar.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs as {@link UUID#randomUUID()} makes them, from a strong random
 * generator per thread: {@code randomUUID} draws from one generator shared by the whole
 * JVM, behind one lock, on every request that creates something or calls a broker.
 */
public final class RandomUuids {

	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomUuids::generator);

	private RandomUuids() {
	}

	/** A new random UUID. */
	public static UUID next() {
		byte[] bytes = new byte[16];
		RANDOM.get().nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
		long most = 0;
		long least = 0;
		for (int i = 0; i < 8; i++) {
			most = (most << 8) | (bytes[i] & 0xff);
		}
		for (int i = 8; i < 16; i++) {
			least = (least << 8) | (bytes[i] & 0xff);
		}
		return new UUID(most, least);
	}

	private static SecureRandom generator() {
		try {
			// A DRBG of its own, seeded from the system's entropy; its lock is this
			// thread's.
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			return new SecureRandom();
		}
	}

}
