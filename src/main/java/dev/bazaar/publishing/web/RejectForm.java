package dev.bazaar.publishing.web;

import dev.bazaar.publishing.PublishingCommands.Reject;

/** The form that rejects a publication, saying why. */
public class RejectForm {

	private String comment = "";

	public String getComment() {
		return this.comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	Reject toCommand() {
		return new Reject(this.comment);
	}

}
