package dev.bazaar.catalog;

import java.util.UUID;

/**
 * One deployment of a broker whose catalog is kept: its private registration or a
 * publication.
 *
 * @param brokerId the broker's id
 * @param name {@code private} or the location identifier of a publication
 */
public record Deployment(UUID brokerId, String name) {

	public static final String PRIVATE = "private";

	public static Deployment privateOf(UUID brokerId) {
		return new Deployment(brokerId, PRIVATE);
	}

}
