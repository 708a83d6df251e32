package dev.bazaar.audit.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.audit.AuditEvent;
import dev.bazaar.broker.BrokerActionTaken;
import dev.bazaar.tenancy.BazaarUser;
import dev.bazaar.tenancy.CurrentUser;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records every broker action as it happens, in the request that did it: the signed-in
 * user is the actor and the request's client address is kept (behind a proxy, set
 * {@code server.forward-headers-strategy} so it is the client's).
 */
@Component
class AuditRecorder {

	private static final Log logger = LogFactory.getLog(AuditRecorder.class);

	private final AuditRepository repository;

	private final Clock clock;

	AuditRecorder(AuditRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@EventListener
	void on(BrokerActionTaken action) {
		String actor = CurrentUser.find().map(BazaarUser::getUsername).orElse("system");
		try {
			this.repository.insert(new AuditEvent(0, this.clock.instant(), actor, action.action(), action.brokerId(),
					action.brokerIdentifier(), action.ownerCustomerId(), action.location(), action.detail(),
					remoteAddress()));
		}
		catch (RuntimeException ex) {
			// The action itself is done; a lost audit line must be visible to operators.
			logger.error("Could not record " + action.action() + " of broker " + action.brokerIdentifier() + " by "
					+ actor + " in the audit trail", ex);
		}
	}

	private static @Nullable String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
