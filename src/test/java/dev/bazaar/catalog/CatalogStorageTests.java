package dev.bazaar.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bazaar.catalog.CatalogChanges.Change;
import dev.bazaar.shared.jdbc.Timestamps;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bazaar.catalog.TestCatalogs.catalog;
import static dev.bazaar.catalog.TestCatalogs.plan;
import static dev.bazaar.catalog.TestCatalogs.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Storing, refreshing and reading catalogs through {@link CatalogManagement}. */
@BazaarTest
class CatalogStorageTests {

	private static final Instant MONDAY = Instant.parse("2025-06-02T08:00:00Z");

	private static final Instant TUESDAY = Instant.parse("2025-06-03T08:00:00Z");

	@Autowired
	CatalogManagement catalogs;

	@Autowired
	JdbcClient jdbc;

	private final String id = UUID.randomUUID().toString().substring(0, 8);

	private final Deployment deployment = Deployment.privateOf(UUID.randomUUID());

	@Test
	void storesACatalogAndReadsItBackInTheBrokersOrder() {
		String body = catalog(
				service("zeta", this.id + "-s1", plan("small", this.id + "-p1"),
						plan("large", this.id + "-p2").put("free", false)
							.put("bindable", false)
							.put("maximum_polling_duration", 600)),
				service("alpha", this.id + "-s2", plan("only", this.id + "-p3")));
		CatalogChanges changes = store(body, MONDAY);
		assertThat(changes.added()).extracting(Change::name).containsExactly("zeta", "alpha", "small", "large", "only");
		CatalogView view = view();
		assertThat(view.fetchedAt()).isEqualTo(MONDAY);
		assertThat(view.lastChanges()).isEqualTo(changes);
		assertThat(view.services()).extracting(ServiceView::name).containsExactly("zeta", "alpha");
		PlanView large = view.services().get(0).plans().get(1);
		assertThat(large).isEqualTo(new PlanView(this.id + "-s1", this.id + "-p2", "large", "The large plan", false,
				false, false, null, 600, null, true));
	}

	@Test
	void writesNothingWhenTheCatalogIsUnchanged() {
		String body = catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1")));
		CatalogChanges first = store(body, MONDAY);
		// A changed row would be overwritten by a rewrite: these must survive.
		this.jdbc.sql("update catalog_plan set description = 'untouched' where plan_id = ?")
			.param(this.id + "-p1")
			.update();
		this.jdbc.sql("update catalog set last_attempt_at = ? where broker_id = ?")
			.params(Timestamps.of(MONDAY.plusSeconds(1)), this.deployment.brokerId())
			.update();
		CatalogChanges second = store(" \n" + body.replace(",", " ,\n "), TUESDAY);
		assertThat(second.isEmpty()).isTrue();
		CatalogView view = view();
		assertThat(view.fetchedAt()).isEqualTo(MONDAY);
		assertThat(view.lastAttemptAt()).isEqualTo(MONDAY.plusSeconds(1));
		assertThat(view.lastChanges()).isEqualTo(first);
		assertThat(view.services().get(0).plans().get(0).description()).isEqualTo("untouched");
	}

	@Test
	void knowsTheVeryBodyLastStoredAsUnchanged() {
		String body = catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1")));
		assertThat(this.catalogs.isUnchanged(this.deployment, body, "2.14")).as("nothing stored yet").isFalse();
		store(body, MONDAY);
		assertThat(this.catalogs.isUnchanged(this.deployment, body, "2.14")).isTrue();
		assertThat(this.catalogs.isUnchanged(this.deployment, body + " ", "2.14")).as("other bytes").isFalse();
		assertThat(this.catalogs.isUnchanged(this.deployment, body, "2.15")).as("other rules").isFalse();
		this.catalogs.recordFailure(this.deployment, "the broker answered HTTP 500", TUESDAY, null);
		assertThat(this.catalogs.isUnchanged(this.deployment, body, "2.14")).as("a failure to clear").isFalse();
	}

	@Test
	void showsTheCatalogFetchedByTheLastRefreshThatWroteNothing() {
		store(catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1"))), MONDAY);
		CatalogView view = this.catalogs.catalog(this.deployment, TUESDAY).orElseThrow();
		assertThat(view.fetchedAt()).isEqualTo(TUESDAY);
		assertThat(view.lastAttemptAt()).isEqualTo(TUESDAY);
		assertThat(this.catalogs.catalog(this.deployment, MONDAY.minusSeconds(60)).orElseThrow().fetchedAt())
			.as("a refresh before the catalog was stored")
			.isEqualTo(MONDAY);
		this.catalogs.recordFailure(this.deployment, "the broker answered HTTP 500", TUESDAY.plusSeconds(60), TUESDAY);
		view = this.catalogs.catalog(this.deployment, TUESDAY.plusSeconds(60)).orElseThrow();
		assertThat(view.fetchedAt()).as("confirmed by the refresh before the failure").isEqualTo(TUESDAY);
		assertThat(view.lastAttemptAt()).isEqualTo(TUESDAY.plusSeconds(60));
		assertThat(view.lastError()).isEqualTo("the broker answered HTTP 500");
		assertThat(this.catalogs.catalog(this.deployment, TUESDAY.plusSeconds(600)).orElseThrow().lastError())
			.as("a refresh after a failure counts only once it records its outcome")
			.isEqualTo("the broker answered HTTP 500");
	}

	@Test
	void writesARecoveryFromAFailureEvenWhenTheCatalogIsUnchanged() {
		String body = catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1")));
		store(body, MONDAY);
		this.catalogs.recordFailure(this.deployment, "connection refused", TUESDAY, null);
		store(body, TUESDAY.plusSeconds(600));
		CatalogView view = view();
		assertThat(view.lastError()).isNull();
		assertThat(view.fetchedAt()).isEqualTo(TUESDAY.plusSeconds(600));
		assertThat(this.catalogs.isUnchanged(this.deployment, body, "2.14")).isTrue();
	}

	@Test
	void keepsARemovedPlanAsInactiveAndReactivatesItWhenItReturns() {
		String both = catalog(
				service("mysql", this.id + "-s1", plan("small", this.id + "-p1"), plan("large", this.id + "-p2")));
		store(both, MONDAY);
		CatalogChanges removal = store(catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1"))),
				TUESDAY);
		assertThat(removal).isEqualTo(
				new CatalogChanges(List.of(), List.of(Change.plan(this.id + "-p2", "large", "mysql")), List.of()));
		assertThat(view().services().get(0).plans()).extracting(PlanView::name, PlanView::active)
			.containsExactly(tuple("small", true), tuple("large", false));
		assertThat(this.catalogs.plan(this.deployment, this.id + "-s1", this.id + "-p2")).get()
			.extracting(PlanView::active)
			.isEqualTo(false);
		assertThat(CatalogResponse.of(view()).services().get(0).plans()).extracting(CatalogResponse.Plan::name)
			.containsExactly("small");
		CatalogChanges comeback = store(both, TUESDAY.plusSeconds(60));
		assertThat(comeback.added()).containsExactly(Change.plan(this.id + "-p2", "large", "mysql"));
		assertThat(view().services().get(0).plans()).allMatch(PlanView::active);
	}

	@Test
	void reportsChangedAndRemovedServices() {
		store(catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1")),
				service("redis", this.id + "-s2", plan("cache", this.id + "-p2"))), MONDAY);
		CatalogChanges changes = store(catalog(service("mysql", this.id + "-s1",
				plan("small", this.id + "-p1").put("description", "Now with backups"))), TUESDAY);
		assertThat(changes.changed()).containsExactly(Change.plan(this.id + "-p1", "small", "mysql"));
		assertThat(changes.removed()).containsExactly(Change.service(this.id + "-s2", "redis"),
				Change.plan(this.id + "-p2", "cache", "redis"));
		assertThat(view().services()).extracting(ServiceView::name, ServiceView::active)
			.containsExactly(tuple("mysql", true), tuple("redis", false));
		assertThat(view().lastChanges()).isEqualTo(changes);
	}

	@Test
	void refusesIdsAnotherBrokerUses() {
		String body = catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1")));
		store(body, MONDAY);
		CatalogValidationResult result = this.catalogs.validate(body, "2.14", UUID.randomUUID());
		assertThat(result).isEqualTo(new CatalogValidationResult.Invalid(List.of(
				new CatalogError("services[0].id", "'" + this.id + "-s1' is used by another broker"),
				new CatalogError("services[0].plans[0].id", "'" + this.id + "-p1' is used by another broker"))));
	}

	@Test
	void letsTheSameBrokersOtherDeploymentsShareIds() {
		String body = catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1")));
		store(body, MONDAY);
		Deployment global = new Deployment(this.deployment.brokerId(), "global");
		CatalogValidationResult result = this.catalogs.validate(body, "2.14", global.brokerId());
		assertThat(result).isInstanceOf(CatalogValidationResult.Valid.class);
		this.catalogs.store(global, ((CatalogValidationResult.Valid) result).catalog(), TUESDAY);
		assertThat(this.catalogs.catalog(global)).get().extracting((view) -> view.services().size()).isEqualTo(1);
	}

	@Test
	void keepsTheLastGoodCatalogWhenAFetchFails() {
		store(catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1"))), MONDAY);
		this.catalogs.recordFailure(this.deployment, "the broker answered HTTP 500", TUESDAY, null);
		CatalogView view = view();
		assertThat(view.fetchedAt()).isEqualTo(MONDAY);
		assertThat(view.lastAttemptAt()).isEqualTo(TUESDAY);
		assertThat(view.lastError()).isEqualTo("the broker answered HTTP 500");
		assertThat(view.services()).hasSize(1);
		store(catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1"))), TUESDAY.plusSeconds(600));
		assertThat(view().lastError()).isNull();
	}

	@Test
	void recordsAFailureBeforeAnyGoodCatalog() {
		this.catalogs.recordFailure(this.deployment, "connection refused", MONDAY, null);
		CatalogView view = view();
		assertThat(view.fetchedAt()).isNull();
		assertThat(view.lastError()).isEqualTo("connection refused");
		assertThat(view.services()).isEmpty();
	}

	@Test
	void forgetsABrokersCatalogsWhenItIsDeleted() {
		String body = catalog(service("mysql", this.id + "-s1", plan("small", this.id + "-p1")));
		store(body, MONDAY);
		this.catalogs.deleteAll(this.deployment.brokerId());
		assertThat(this.catalogs.catalog(this.deployment)).isEmpty();
		assertThat(this.catalogs.validate(body, "2.14", UUID.randomUUID()))
			.isInstanceOf(CatalogValidationResult.Valid.class);
	}

	@Test
	void knowsNoCatalogOfAnUnknownDeployment() {
		assertThat(this.catalogs.catalog(Deployment.privateOf(UUID.randomUUID()))).isEmpty();
		assertThat(this.catalogs.plan(this.deployment, "s", "p")).isEmpty();
	}

	private CatalogChanges store(String body, Instant at) {
		CatalogValidationResult result = this.catalogs.validate(body, "2.14", this.deployment.brokerId());
		assertThat(result).as(result.toString()).isInstanceOf(CatalogValidationResult.Valid.class);
		return this.catalogs.store(this.deployment, ((CatalogValidationResult.Valid) result).catalog(), at);
	}

	private CatalogView view() {
		return this.catalogs.catalog(this.deployment).orElseThrow();
	}

}
