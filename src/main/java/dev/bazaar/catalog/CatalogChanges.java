package dev.bazaar.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * What a refresh changed in a deployment's catalog, compared by id.
 *
 * @param added services and plans new to the catalog, or back after they had left it
 * @param removed services and plans that left the catalog (kept as inactive)
 * @param changed services and plans whose JSON changed
 */
public record CatalogChanges(List<Change> added, List<Change> removed, List<Change> changed) {

	public CatalogChanges {
		added = List.copyOf(added);
		removed = List.copyOf(removed);
		changed = List.copyOf(changed);
	}

	public static CatalogChanges none() {
		return new CatalogChanges(List.of(), List.of(), List.of());
	}

	@JsonIgnore
	public boolean isEmpty() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
	}

	/**
	 * One service or plan that changed.
	 *
	 * @param kind service or plan
	 * @param id its id
	 * @param name its name
	 * @param service for a plan, the name of its service; null for a service
	 */
	public record Change(Kind kind, String id, String name, @Nullable String service) {

		public static Change service(String id, String name) {
			return new Change(Kind.SERVICE, id, name, null);
		}

		public static Change plan(String id, String name, String service) {
			return new Change(Kind.PLAN, id, name, service);
		}

	}

	/** What changed: a service offering or a plan. */
	public enum Kind {

		SERVICE, PLAN

	}

}
