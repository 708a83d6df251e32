package dev.bazaar.examplebroker.internal;

/**
 * The state of the last operation as the spec's last_operation endpoints report it; see
 * <a href=
 * "https://github.com/openservicebrokerapi/servicebroker/blob/v2.15/spec.md#polling-last-operation-for-service-instances">Polling
 * Last Operation</a>.
 */
public record LastOperation(State state, String description) {

	/** The spec's {@code state} values. */
	public enum State {

		IN_PROGRESS("in progress"), SUCCEEDED("succeeded"), FAILED("failed");

		private final String value;

		State(String value) {
			this.value = value;
		}

		public String value() {
			return this.value;
		}

	}

}
