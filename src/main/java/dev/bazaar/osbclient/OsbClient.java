package dev.bazaar.osbclient;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.commlog.CommunicationLogs;
import dev.bazaar.commlog.NewCommunicationLog;
import dev.bazaar.osbclient.OsbResponse.Answered;
import dev.bazaar.osbclient.OsbResponse.Failed;
import dev.bazaar.osbclient.OsbResponse.FailureKind;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one way Bazaar calls brokers: sends an {@link OsbRequest} with the OSB headers and
 * Basic auth, and answers what came of it. Never throws for what a broker or the network
 * does; records every exchange as a communication log.
 */
@Component
public class OsbClient implements DisposableBean {

	/** The OSB API version Bazaar speaks, sent as {@code X-Broker-API-Version}. */
	public static final String API_VERSION = "2.14";

	private static final Log logger = LogFactory.getLog(OsbClient.class);

	/** How many endpoints' Authorization headers are kept before they are made anew. */
	private static final int MOST_AUTHORIZATIONS = 1024;

	private final BrokerHttpClients clients;

	private final CommunicationLogs logs;

	private final OsbClientProperties properties;

	private final FailureExplainer failures;

	private final Clock clock;

	/** Ends calls whose answer does not arrive in time. */
	private final ScheduledThreadPoolExecutor deadlines;

	/**
	 * Each endpoint's Authorization header, made once rather than on every call (a
	 * changed password is another endpoint).
	 */
	private final Map<BrokerEndpoint, List<String>> authorizations = new ConcurrentHashMap<>();

	OsbClient(BrokerHttpClients clients, CommunicationLogs logs, OsbClientProperties properties, Clock clock) {
		this.clients = clients;
		this.logs = logs;
		this.properties = properties;
		this.failures = new FailureExplainer(properties);
		this.clock = clock;
		this.deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "osb-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		this.deadlines.setRemoveOnCancelPolicy(true);
	}

	/** Calls the broker at the endpoint; the answer, or why there is none. */
	public OsbResponse exchange(BrokerEndpoint endpoint, OsbRequest request) {
		Exchanged exchanged = exchangeRecordingLater(endpoint, request);
		this.logs.record(exchanged.log());
		return exchanged.response();
	}

	/**
	 * Calls the broker like {@link #exchange(BrokerEndpoint, OsbRequest)} but leaves the
	 * communication log to the caller, who must store it (for callers that store the logs
	 * of many calls together, {@code CommunicationLogs.recordAll}).
	 */
	public Exchanged exchangeRecordingLater(BrokerEndpoint endpoint, OsbRequest request) {
		OutgoingRequest sent = OutgoingRequest.of(endpoint, authorization(endpoint), request, this.clock.instant());
		OsbResponse response = send(sent, System.nanoTime());
		if (logger.isDebugEnabled()) {
			logger.debug(sent + " to broker " + endpoint.brokerIdentifier() + ": " + response.explanation() + " in "
					+ response.durationMs() + " ms");
		}
		return new Exchanged(response, ExchangeLog.of(sent, response));
	}

	private OsbResponse send(OutgoingRequest sent, long started) {
		// The blocking send: sendAsync hands each answer to CompletableFuture's default
		// executor, which starts a thread per call on machines of one or two CPUs. The
		// time limits are kept by Bazaar's timer (ExchangeDeadline), not by the request's
		// timeout, whose timers all go through the client's one lock.
		CappedBodyHandler body = new CappedBodyHandler(this.properties.maxResponseSize().toBytes());
		ExchangeDeadline deadline = ExchangeDeadline.start(body, this.deadlines, this.properties.responseTimeout(),
				this.properties.connectTimeout());
		try {
			HttpResponse<byte[]> response = this.clients.forDevelopmentMode(sent.endpoint().developmentMode())
				.send(sent.toHttpRequest(), body);
			return answered(response, started);
		}
		catch (IllegalArgumentException ex) {
			return new Failed(FailureKind.IO,
					"the endpoint URL " + sent.url() + " is not a valid http or https URL: " + ex.getMessage(),
					elapsed(started));
		}
		catch (IOException ex) {
			if (body.expired()) {
				return this.failures.timeout(bothTimeouts(), "connect and response timeouts together",
						elapsed(started));
			}
			return this.failures.explain(ex, sent.url(), elapsed(started));
		}
		catch (InterruptedException ex) {
			if (deadline.finish()) {
				return this.failures.timeout(this.properties.responseTimeout(), "response timeout", elapsed(started));
			}
			Thread.currentThread().interrupt();
			return new Failed(FailureKind.IO, "Bazaar was interrupted while waiting for the broker (shutting down?)",
					elapsed(started));
		}
		catch (RuntimeException ex) {
			logger.warn("Unexpected failure calling " + sent + ": " + ex, ex);
			return this.failures.explain(ex, sent.url(), elapsed(started));
		}
		finally {
			deadline.finish();
		}
	}

	private List<String> authorization(BrokerEndpoint endpoint) {
		List<String> authorization = this.authorizations.get(endpoint);
		if (authorization == null) {
			if (this.authorizations.size() >= MOST_AUTHORIZATIONS) {
				this.authorizations.clear();
			}
			authorization = OutgoingRequest.authorization(endpoint);
			this.authorizations.put(endpoint, authorization);
		}
		return authorization;
	}

	private Duration bothTimeouts() {
		return this.properties.connectTimeout().plus(this.properties.responseTimeout());
	}

	@Override
	public void destroy() {
		this.deadlines.shutdownNow();
	}

	private static Answered answered(HttpResponse<byte[]> response, long started) {
		return new Answered(response.statusCode(), lowerCaseNames(response.headers()),
				new String(response.body(), StandardCharsets.UTF_8), elapsed(started));
	}

	/**
	 * The headers with their names in lower case, in the JDK's order. The JDK's map
	 * ignores case, so no two names become one, and its value lists are immutable.
	 */
	static Map<String, List<String>> lowerCaseNames(HttpHeaders headers) {
		Map<String, List<String>> names = new LinkedHashMap<>();
		headers.map().forEach((name, values) -> {
			if (!name.startsWith(":")) {
				names.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
			}
		});
		return names;
	}

	private static long elapsed(long started) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	/**
	 * What came of a call, and its communication log, masked and cut as
	 * {@link #exchange(BrokerEndpoint, OsbRequest)} would store it.
	 *
	 * @param response the answer, or why there is none
	 * @param log the log the caller must store
	 */
	public record Exchanged(OsbResponse response, NewCommunicationLog log) {
	}

}
