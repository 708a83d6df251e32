package dev.bazaar.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A tiny https broker on localhost that answers every request with a catalog (empty by
 * default).
 */
public final class TlsBroker implements AutoCloseable {

	private final HttpsServer server;

	private TlsBroker(HttpsServer server) {
		this.server = server;
	}

	public static TlsBroker presenting(TestCertificates.Issued certificate) {
		return presenting(certificate, "{\"services\":[]}");
	}

	/**
	 * An https broker presenting the certificate and answering every request with the
	 * body.
	 */
	public static TlsBroker presenting(TestCertificates.Issued certificate, String catalog) {
		SSLContext context = certificate.serverContext();
		try {
			HttpsServer server = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
			server.setHttpsConfigurator(new HttpsConfigurator(context));
			server.createContext("/", (exchange) -> {
				byte[] body = catalog.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return new TlsBroker(server);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "https://localhost:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
