package dev.bazaar.broker.web;

import dev.bazaar.broker.BrokerCommands.RegisterBroker;
import dev.bazaar.shared.web.ConnectionForm;

/** The registration form. The password is never shown again, not even after an error. */
public class BrokerForm extends ConnectionForm {

	private String name = "";

	private String identifier = "";

	private boolean developmentMode;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getIdentifier() {
		return this.identifier;
	}

	public void setIdentifier(String identifier) {
		this.identifier = identifier.strip();
	}

	public boolean isDevelopmentMode() {
		return this.developmentMode;
	}

	public void setDevelopmentMode(boolean developmentMode) {
		this.developmentMode = developmentMode;
	}

	RegisterBroker toCommand() {
		return new RegisterBroker(this.name, this.identifier, getEndpoint(), getUsername(), getPassword(),
				this.developmentMode);
	}

}
