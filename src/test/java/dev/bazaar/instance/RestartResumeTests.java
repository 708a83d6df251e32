package dev.bazaar.instance;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.bazaar.BazaarApplication;
import dev.bazaar.instance.internal.TaskWorker;
import dev.bazaar.support.Api;
import dev.bazaar.support.Eventually;
import dev.bazaar.support.TestPostgres;
import dev.bazaar.support.Tenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The polling state lives in the database: a restarted Bazaar goes on polling, and nodes
 * sharing a database poll a due task once.
 */
class RestartResumeTests {

	@TempDir
	Path directory;

	@Test
	void aRestartedBazaarGoesOnPollingWhereTheStoppedOneLeft() {
		String url = h2File();
		ConfigurableApplicationContext first = start(url);
		InstanceFixture fixture = InstanceFixture.start(port(first));
		try (fixture) {
			fixture.stub(InstanceFixture.provision(), 202, "{\"operation\":\"long one\"}");
			fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"in progress\"}");
			String id = fixture.order("db");
			fixture.awaitPolls(2);
			first.close();
			int pollsOfTheFirst = fixture.count(InstanceFixture.polls());
			fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"succeeded\"}");

			try (ConfigurableApplicationContext second = start(url)) {
				Api user = Api.as(port(second), fixture.customer.identifier() + "-employee", Tenants.PASSWORD);
				JsonNode instance = Eventually.until(() -> user.get("/api/service-instances/" + id).json(),
						(node) -> node.get("status").asString().equals("SUCCEEDED"), Duration.ofSeconds(60));
				assertThat(instance.get("lastOperation").get("type").asString()).isEqualTo("CREATE");
				assertThat(fixture.count(InstanceFixture.polls())).isGreaterThan(pollsOfTheFirst);
				assertThat(fixture.requests(InstanceFixture.polls()).get(0).queryParameter("operation").firstValue())
					.isEqualTo("long one");
			}
		}
		finally {
			first.close();
		}
	}

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2"), Arguments.of("PostgreSQL"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void twoWorkersPollADueTaskOnce(String database) throws Exception {
		boolean postgres = database.equals("PostgreSQL");
		TestPostgres.Database db = postgres ? TestPostgres.get().createDatabase()
				: new TestPostgres.Database(h2File(), "sa", "");
		// No background worker: the test runs the workers itself.
		try (ConfigurableApplicationContext app = start(db, "bazaar.scheduling.enabled=false");
				InstanceFixture fixture = InstanceFixture.start(port(app))) {
			fixture.stub(InstanceFixture.provision(), 202, "{}");
			fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"in progress\"}");
			fixture.order("db");
			TaskWorker worker = app.getBean(TaskWorker.class);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				for (int round = 1; round <= 5; round++) {
					jdbc.sql("update instance_task set due_at = ?")
						.param(Timestamp.from(Instant.now().minusSeconds(1)))
						.update();
					CyclicBarrier together = new CyclicBarrier(2);
					List<Future<Integer>> runs = new ArrayList<>();
					for (int i = 0; i < 2; i++) {
						runs.add(threads.submit(() -> {
							together.await();
							return worker.runDue();
						}));
					}
					int ran = runs.get(0).get() + runs.get(1).get();

					assertThat(ran).as("tasks run in round " + round).isEqualTo(1);
					assertThat(fixture.count(InstanceFixture.polls())).as("polls after round " + round)
						.isEqualTo(round);
				}
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

	private String h2File() {
		return "jdbc:h2:file:" + this.directory.resolve("bazaar").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	private static ConfigurableApplicationContext start(String url) {
		return start(new TestPostgres.Database(url, "sa", ""));
	}

	private static ConfigurableApplicationContext start(TestPostgres.Database db, String... properties) {
		// Command-line arguments win over the test profile's settings.
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.datasource.url=" + db.url(),
				"spring.datasource.username=" + db.username(), "spring.datasource.password=" + db.password(),
				"spring.jmx.enabled=false"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(BazaarApplication.class).profiles("test")
			.run(all.stream().map((property) -> "--" + property).toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

}
