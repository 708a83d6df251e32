package dev.bazaar.bench;

import java.time.Duration;

import dev.bazaar.support.Api;

/** Waits for Bazaar's health endpoint to answer UP. */
final class Health {

	private Health() {
	}

	static void waitUntilUp(int port, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (isUp(port)) {
				return;
			}
			sleep(20);
		}
		throw new IllegalStateException("Bazaar on port " + port + " was not UP within " + timeout);
	}

	static boolean isUp(int port) {
		try {
			Api.Reply reply = Api.anonymous(port).get("/actuator/health");
			return reply.status() == 200 && reply.body().contains("\"UP\"");
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
