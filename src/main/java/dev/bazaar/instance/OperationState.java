package dev.bazaar.instance;

/**
 * Where an instance or binding stands: an operation runs, or the last one succeeded or
 * failed.
 */
public enum OperationState {

	IN_PROGRESS, SUCCEEDED, FAILED

}
