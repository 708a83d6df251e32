package dev.bazaar.shared.web;

/**
 * The fields of a form that says how to call a broker deployment: endpoint and Basic auth
 * credentials. The password is never shown again, not even after an error.
 */
public abstract class ConnectionForm {

	private String endpoint = "";

	private String username = "";

	private String password = "";

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

}
