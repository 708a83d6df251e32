package dev.bazaar.osbclient;

import java.util.List;
import java.util.Map;

import dev.bazaar.commlog.NewCommunicationLog;
import dev.bazaar.commlog.SensitiveHeaders;
import dev.bazaar.osbclient.OsbResponse.Answered;
import dev.bazaar.osbclient.OsbResponse.Failed;

/**
 * The communication log of an exchange: credentials masked, bodies whole (the
 * communication logs cut those beyond {@code bazaar.commlog.max-body-length}).
 */
final class ExchangeLog {

	private ExchangeLog() {
	}

	static NewCommunicationLog of(OutgoingRequest sent, OsbResponse response) {
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
