package dev.bazaar.osbclient;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.commlog.CommunicationLogs;
import dev.bazaar.commlog.NewCommunicationLog;
import dev.bazaar.commlog.SensitiveHeaders;
import dev.bazaar.osbclient.OsbResponse.Answered;
import dev.bazaar.osbclient.OsbResponse.Failed;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Records every exchange as a communication log, with credentials masked and bodies cut
 * to {@value #MAX_STORED_BODY} characters; a failure to record never reaches the caller.
 */
@Component
class ExchangeRecorder {

	static final int MAX_STORED_BODY = 64 * 1024;

	private static final Log logger = LogFactory.getLog(ExchangeRecorder.class);

	private final CommunicationLogs logs;

	ExchangeRecorder(CommunicationLogs logs) {
		this.logs = logs;
	}

	void record(NewCommunicationLog log) {
		try {
			this.logs.record(log);
		}
		catch (RuntimeException ex) {
			// The URL and the exception carry no credentials; the headers are not logged.
			logger.warn("Could not record the call " + log.method() + " " + log.url() + " to broker "
					+ log.brokerIdentifier() + ": " + ex);
		}
	}

	static NewCommunicationLog log(OutgoingRequest sent, OsbResponse response) {
		BrokerEndpoint endpoint = sent.endpoint();
		OsbRequest request = sent.request();
		Answered answered = (response instanceof Answered answer) ? answer : null;
		return new NewCommunicationLog(sent.requestedAt(), endpoint.brokerId(), endpoint.brokerIdentifier(),
				endpoint.customerId(), endpoint.location(), request.operationType(), request.method(), sent.url(),
				SensitiveHeaders.masked(sent.headers()), cut(request.body()),
				(answered != null) ? answered.status() : null,
				(answered != null) ? answered.headers() : Map.<String, List<String>>of(),
				(answered != null) ? cut(answered.body()) : null, response.durationMs(),
				(response instanceof Failed failed) ? failed.kind() + ": " + failed.message() : null, request.planId(),
				request.instanceId(), sent.requestIdentity());
	}

	static @Nullable String cut(@Nullable String body) {
		if (body == null || body.length() <= MAX_STORED_BODY) {
			return body;
		}
		return body.substring(0, MAX_STORED_BODY) + "\n[cut by Bazaar: the body had " + body.length()
				+ " characters, the first " + MAX_STORED_BODY + " are stored]";
	}

}
