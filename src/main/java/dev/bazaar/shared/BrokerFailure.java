package dev.bazaar.shared;

import java.util.List;

/**
 * A broker failed (error, timeout, garbage) where Bazaar needed its answer; answered as
 * 502.
 */
public class BrokerFailure extends DomainException {

	public BrokerFailure(String message) {
		super(message, List.of());
	}

	@Override
	public String title() {
		return "Broker failure";
	}

}
