package dev.bazaar.broker.web;

import dev.bazaar.broker.BrokerCommands.UpdateBroker;
import dev.bazaar.broker.ServiceBroker;

/**
 * The form that edits a registration; the identifier cannot change and an empty password
 * keeps the current one.
 */
public class EditBrokerForm {

	private String name = "";

	private String endpoint = "";

	private String username = "";

	private String password = "";

	private boolean developmentMode;

	static EditBrokerForm of(ServiceBroker broker) {
		EditBrokerForm form = new EditBrokerForm();
		form.name = broker.name();
		form.endpoint = broker.endpoint();
		form.username = broker.username();
		form.developmentMode = broker.developmentMode();
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
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

	UpdateBroker toCommand() {
		return new UpdateBroker(this.name, null, this.endpoint, this.username,
				this.password.isEmpty() ? null : this.password, this.developmentMode);
	}

}
