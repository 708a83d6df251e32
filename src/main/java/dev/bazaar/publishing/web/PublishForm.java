package dev.bazaar.publishing.web;

import dev.bazaar.publishing.PublishingCommands.Publish;

/** The form that publishes a broker to a location. The password is never shown again. */
public class PublishForm {

	private String location = "";

	private String endpoint = "";

	private String username = "";

	private String password = "";

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
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

	Publish toCommand() {
		return new Publish(this.location, this.endpoint, this.username, this.password);
	}

}
