package dev.bazaar.broker.web;

import dev.bazaar.broker.BrokerCommands.UpdateBroker;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.shared.web.ConnectionForm;

/**
 * The form that edits a registration; the identifier cannot change and an empty password
 * keeps the current one.
 */
public class EditBrokerForm extends ConnectionForm {

	private String name = "";

	private boolean developmentMode;

	static EditBrokerForm of(ServiceBroker broker) {
		EditBrokerForm form = new EditBrokerForm();
		form.name = broker.name();
		form.setEndpoint(broker.endpoint());
		form.setUsername(broker.username());
		form.developmentMode = broker.developmentMode();
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public boolean isDevelopmentMode() {
		return this.developmentMode;
	}

	public void setDevelopmentMode(boolean developmentMode) {
		this.developmentMode = developmentMode;
	}

	UpdateBroker toCommand() {
		return new UpdateBroker(this.name, null, getEndpoint(), getUsername(),
				getPassword().isEmpty() ? null : getPassword(), this.developmentMode);
	}

}
