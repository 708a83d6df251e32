package dev.bazaar.broker.web;

import dev.bazaar.broker.BrokerCommands.RegisterBroker;

/** The registration form. The password is never shown again, not even after an error. */
public class BrokerForm {

	private String name = "";

	private String identifier = "";

	private String endpoint = "";

	private String username = "";

	private String password = "";

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

	public String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(String endpoint) {
		this.endpoint = endpoint.strip();
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public boolean isDevelopmentMode() {
		return this.developmentMode;
	}

	public void setDevelopmentMode(boolean developmentMode) {
		this.developmentMode = developmentMode;
	}

	RegisterBroker toCommand() {
		return new RegisterBroker(this.name, this.identifier, this.endpoint, this.username, this.password,
				this.developmentMode);
	}

}
