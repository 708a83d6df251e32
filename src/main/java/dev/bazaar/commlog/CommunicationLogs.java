package dev.bazaar.commlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.commlog.BrokerDirectory.LoggedBroker;
import dev.bazaar.commlog.internal.CommunicationLogRepository;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.tenancy.CurrentUser;
import dev.bazaar.tenancy.TenantAccess;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every exchange with a broker and lets the broker's owner and partner admins
 * search and read them.
 */
@Service
public class CommunicationLogs {

	private static final Log logger = LogFactory.getLog(CommunicationLogs.class);

	private static final int MAX_ID_LENGTH = 255;

	private final CommunicationLogRepository repository;

	private final ObjectProvider<BrokerDirectory> brokers;

	private final TenantAccess access;

	private final TransactionTemplate ownTransaction;

	private final TransactionTemplate ownBatch;

	private final TransactionTemplate readOnly;

	private final JsonMapper json;

	private final RecentBrokers recentBrokers;

	/** The directory once found: looking it up is a good part of a search's time. */
	private volatile @Nullable BrokerDirectory directory;

	// The directory is optional so the app starts before the broker module provides it.
	CommunicationLogs(CommunicationLogRepository repository, ObjectProvider<BrokerDirectory> brokers,
			TenantAccess access, PlatformTransactionManager transactions, JsonMapper json,
			@Value("${bazaar.commlog.broker-lookup-ttl:5s}") Duration brokerLookupTtl) {
		this.repository = repository;
		this.brokers = brokers;
		this.access = access;
		// Outside any transaction of the caller's (kept even if that one rolls back), and
		// without one of its own: a single insert commits by itself.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.ownBatch = new TransactionTemplate(transactions);
		this.ownBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.json = json;
		this.recentBrokers = new RecentBrokers(brokerLookupTtl, System::nanoTime);
	}

	/**
	 * Stores the log in a transaction of its own, so that it stays when the caller's
	 * transaction rolls back. Never throws: a log that cannot be stored is reported in
	 * the application log.
	 */
	public void record(NewCommunicationLog log) {
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.repository.insert(storable(log)));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not store the communication log of " + log.operationType() + " " + log.method() + " "
					+ log.url() + " to broker " + log.brokerIdentifier() + ": " + ex);
		}
	}

	/**
	 * Stores the logs in one transaction of their own, as one batch; if that fails, each
	 * on its own as {@link #record(NewCommunicationLog)} does, so that every log that can
	 * be stored is. Never throws.
	 */
	public void recordAll(List<NewCommunicationLog> logs) {
		if (logs.isEmpty()) {
			return;
		}
		try {
			this.ownBatch.executeWithoutResult(
					(status) -> this.repository.insertAll(logs.stream().map(CommunicationLogs::storable).toList()));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not store " + logs.size() + " communication logs together; storing each alone: " + ex);
			logs.forEach(this::record);
		}
	}

	/** One page of the broker's logs that match, newest first. */
	public LogPage search(String brokerIdentifier, LogQuery query) {
		LoggedBroker broker = readableBroker(brokerIdentifier);
		List<LogSummary> rows = this.repository.search(broker.id(), query, query.limit() + 1);
		if (rows.size() <= query.limit()) {
			return new LogPage(rows, null);
		}
		List<LogSummary> page = rows.subList(0, query.limit());
		LogSummary last = page.get(page.size() - 1);
		return new LogPage(List.copyOf(page), new LogCursor(last.requestedAt(), last.id()).encode());
	}

	/**
	 * Writes every log of the broker that matches the query's criteria (not its page) to
	 * the writer {@code open} gives, newest first, reading them a few at a time. The
	 * writer is asked for only once the reader may read the logs.
	 */
	public void export(String brokerIdentifier, LogQuery query, ExportFormat format, Supplier<Writer> open) {
		LoggedBroker broker = readableBroker(brokerIdentifier);
		Writer out = open.get();
		LogWriter writer = format.writer(out, this.json);
		writer.start();
		this.readOnly.executeWithoutResult((status) -> this.repository.forEach(broker.id(), query, writer::write));
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One log of the broker, in full. */
	public CommunicationLog detail(String brokerIdentifier, long id) {
		LoggedBroker broker = readableBroker(brokerIdentifier);
		return this.repository.find(broker.id(), id)
			.orElseThrow(() -> new ResourceNotFound(
					"Service broker '" + brokerIdentifier + "' has no communication log " + id));
	}

	private LoggedBroker readableBroker(String brokerIdentifier) {
		LoggedBroker broker = this.recentBrokers
			.find(brokerIdentifier,
					(identifier) -> directory().flatMap((directory) -> directory.findByIdentifier(identifier)))
			.or(() -> deletedBroker(brokerIdentifier))
			.filter((found) -> this.access.canSee(found.customerId()))
			.orElseThrow(() -> new ResourceNotFound("There is no service broker '" + brokerIdentifier + "'"));
		this.access.requireAdminOf(broker.customerId(), true);
		return broker;
	}

	private Optional<BrokerDirectory> directory() {
		BrokerDirectory found = this.directory;
		if (found == null) {
			found = this.brokers.getIfAvailable();
			this.directory = found;
		}
		return Optional.ofNullable(found);
	}

	/**
	 * A deleted broker whose logs are still kept: readable by partner admins only, until
	 * the logs expire.
	 */
	private Optional<LoggedBroker> deletedBroker(String brokerIdentifier) {
		if (!CurrentUser.get().isPartnerAdmin()) {
			return Optional.empty();
		}
		return this.repository.lastBrokerLogged(brokerIdentifier);
	}

	private static NewCommunicationLog storable(NewCommunicationLog log) {
		// Masked in case a caller forgot (copied only then), binding credentials
		// masked; ids cut to the column's size so the row is kept.
		return new NewCommunicationLog(log.requestedAt(), log.brokerId(), log.brokerIdentifier(), log.customerId(),
				log.location(), log.operationType(), log.method(), log.url(),
				SensitiveHeaders.maskedOnce(log.requestHeaders()), log.requestBody(), log.responseCode(),
				SensitiveHeaders.maskedOnce(log.responseHeaders()),
				SensitiveBodies.masked(log.operationType(), log.responseBody()), log.durationMs(), log.error(),
				cut(log.planId()), cut(log.instanceId()), log.requestIdentity());
	}

	private static @Nullable String cut(@Nullable String id) {
		return (id != null && id.length() > MAX_ID_LENGTH) ? id.substring(0, MAX_ID_LENGTH) : id;
	}

}
