package dev.bazaar.osbclient;

import java.io.IOException;

/** A broker's answer was larger than {@code bazaar.osb.max-response-size}. */
final class ResponseTooLarge extends IOException {

	ResponseTooLarge(long limit) {
		super("the answer is larger than " + limit + " bytes");
	}

}
