package dev.bazaar.publishing.web;

import dev.bazaar.shared.web.ConnectionForm;

import dev.bazaar.publishing.PublishingCommands.Publish;

/** The form that publishes a broker to a location. The password is never shown again. */
public class PublishForm extends ConnectionForm {

	private String location = "";

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	Publish toCommand() {
		return new Publish(this.location, getEndpoint(), getUsername(), getPassword());
	}

}
