package dev.bazaar.audit;

import java.util.List;

import dev.bazaar.audit.internal.AuditRepository;
import dev.bazaar.tenancy.BazaarUser;
import dev.bazaar.tenancy.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reads the audit trail: partner admins see every event, customer admins those of their
 * own customer's brokers.
 */
@Service
public class AuditTrail {

	private static final int MAX_LIMIT = 500;

	private final AuditRepository repository;

	AuditTrail(AuditRepository repository) {
		this.repository = repository;
	}

	/**
	 * Events newest first, older than {@code beforeId} when given, of one broker when
	 * given.
	 */
	public List<AuditEvent> events(@Nullable String broker, @Nullable Long beforeId, int limit) {
		BazaarUser user = CurrentUser.get();
		if (!user.isPartnerAdmin() && !user.isCustomerAdmin()) {
			throw new AccessDeniedException("Only partner and customer administrators may read the audit trail");
		}
		int size = Math.max(1, Math.min(limit, MAX_LIMIT));
		return this.repository.find(user.isPartnerAdmin() ? null : user.customerId(), broker, beforeId, size);
	}

}
