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

import org.springframework.stereotype.Component;

/**
 * Records every exchange as a communication log, with credentials masked and bodies whole
 * (the communication logs cut those beyond {@code bazaar.commlog.max-body-length}); a
 * failure to record never reaches the caller.
 */
@Component
class ExchangeRecorder {

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
				SensitiveHeaders.masked(sent.headers()), request.body(), (answered != null) ? answered.status() : null,
				(answered != null) ? answered.headers() : Map.<String, List<String>>of(),
				(answered != null) ? answered.body() : null, response.durationMs(),
				(response instanceof Failed failed) ? failed.kind() + ": " + failed.message() : null, request.planId(),
				request.instanceId(), sent.requestIdentity());
	}

}
