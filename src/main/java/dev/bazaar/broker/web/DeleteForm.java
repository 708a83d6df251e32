package dev.bazaar.broker.web;

/** The deletion form: the user types the broker's name to confirm. */
public class DeleteForm {

	private String confirm = "";

	public String getConfirm() {
		return this.confirm;
	}

	public void setConfirm(String confirm) {
		this.confirm = confirm;
	}

}
