package dev.bazaar.broker.web;

/** The deactivation form: the user types the broker's name to confirm. */
public class DeactivateForm {

	private String confirm = "";

	public String getConfirm() {
		return this.confirm;
	}

	public void setConfirm(String confirm) {
		this.confirm = confirm;
	}

}
