package dev.bazaar.publishing;

/** Where a publication stands in its review. */
public enum PublicationStatus {

	PENDING_APPROVAL, APPROVED, REJECTED

}
