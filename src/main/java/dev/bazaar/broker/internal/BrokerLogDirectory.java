package dev.bazaar.broker.internal;

import java.util.Optional;

import dev.bazaar.commlog.BrokerDirectory;

import org.springframework.stereotype.Component;

/** Tells the communication logs which customer owns a broker. */
@Component
class BrokerLogDirectory implements BrokerDirectory {

	private final BrokerRepository repository;

	BrokerLogDirectory(BrokerRepository repository) {
		this.repository = repository;
	}

	@Override
	public Optional<LoggedBroker> findByIdentifier(String brokerIdentifier) {
		return this.repository.byIdentifier(brokerIdentifier)
			.map((broker) -> new LoggedBroker(broker.id(), broker.identifier(), broker.customerId()));
	}

}
