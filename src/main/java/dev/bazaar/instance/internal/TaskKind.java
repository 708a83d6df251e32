package dev.bazaar.instance.internal;

/** The kinds of background work on instances and bindings. */
enum TaskKind {

	/** Poll the instance's last operation for a provision. */
	POLL_PROVISION,
	/** Poll the instance's last operation for an update. */
	POLL_UPDATE,
	/** Poll the instance's last operation for a deprovision. */
	POLL_DEPROVISION,
	/**
	 * Delete an instance the broker may have created although its provisioning failed.
	 */
	MITIGATE_INSTANCE,
	/** Poll the deprovision sent by an orphan mitigation. */
	POLL_MITIGATE_INSTANCE,
	/** Poll the binding's last operation for a bind. */
	POLL_BIND,
	/** Poll the binding's last operation for an unbind. */
	POLL_UNBIND,
	/** Delete a binding the broker may have created although the bind failed. */
	MITIGATE_BINDING,
	/** Poll the unbind sent by an orphan mitigation. */
	POLL_MITIGATE_BINDING,
	/** Go on deleting an instance whose bindings are all gone. */
	CONTINUE_DELETE

}
