package dev.bazaar.instance;

/** What the last operation on an instance or binding was. */
public enum OperationKind {

	CREATE, UPDATE, DELETE

}
