package dev.bazaar.broker;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import dev.bazaar.broker.internal.CatalogRefreshScheduler;
import dev.bazaar.shared.jdbc.Timestamps;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
class CatalogRefreshSchedulerTests {

	@LocalServerPort
	int port;

	@Autowired
	CatalogRefreshScheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refreshesADueCatalogExactlyOnceWhenTwoNodesLookAtTheSameTime() throws Exception {
		TestCustomer customer = Tenants.aCustomer(this.port);
		try (FakeBroker fake = FakeBroker.start()) {
			String identifier = "due-" + customer.identifier();
			customer.registerBroker("Due", identifier, fake.url());
			fake.serveCatalog(fake.catalog().replace("A small database", "A tiny database"));
			this.jdbc.sql("update service_broker set next_refresh_at = ? where identifier = ?")
				.params(Timestamps.of(Instant.now().minusSeconds(1)), identifier)
				.update();

			CompletableFuture<Integer> first = CompletableFuture.supplyAsync(this.scheduler::refreshDue);
			CompletableFuture<Integer> second = CompletableFuture.supplyAsync(this.scheduler::refreshDue);

			assertThat(first.get() + second.get()).isEqualTo(1);
			assertThat(fake.catalogRequests()).isEqualTo(2);
			assertThat(customer.admin().get("/api/service-brokers/" + identifier + "/catalog").body())
				.contains("A tiny database");
			Instant next = this.jdbc.sql("select next_refresh_at from service_broker where identifier = ?")
				.param(identifier)
				.query((rs, row) -> Timestamps.read(rs, "next_refresh_at"))
				.single();
			assertThat(next).isAfter(Instant.now());
		}
	}

}
