package dev.bazaar.instance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.bazaar.instance.internal.BindingRepository;
import dev.bazaar.instance.internal.InstanceRepository;
import dev.bazaar.support.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bind and a delete of the same instance that start at the same moment on PostgreSQL
 * (two nodes, say): the second waits for the first and refuses, instead of each missing
 * the other's uncommitted row. The first keeps its transaction open for a while, as if
 * the two had met in the same millisecond.
 */
@PostgresTest
class OperationStartsPostgresTests {

	@Autowired
	InstanceRepository instances;

	@Autowired
	BindingRepository bindings;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDeleteStartingWhileABindStartsWaitsAndRefuses() throws Exception {
		ServiceInstance instance = anIdleInstance();
		CompletableFuture<Boolean> delete = whileOpen(() -> this.bindings.insertIfInstanceIdle(aBinding(instance.id())),
				() -> this.instances.begin(instance.id(), OperationKind.DELETE, "Deleting", Instant.now()));
		assertThat(delete.get(30, TimeUnit.SECONDS)).as("the delete began").isFalse();
		assertThat(status(instance.id())).isEqualTo("SUCCEEDED");
	}

	@Test
	void aBindStartingWhileADeleteStartsWaitsAndRefuses() throws Exception {
		ServiceInstance instance = anIdleInstance();
		CompletableFuture<Boolean> bind = whileOpen(
				() -> this.instances.begin(instance.id(), OperationKind.DELETE, "Deleting", Instant.now()),
				() -> this.bindings.insertIfInstanceIdle(aBinding(instance.id())));
		assertThat(bind.get(30, TimeUnit.SECONDS)).as("the bind began").isFalse();
		assertThat(this.jdbc.sql("select count(*) from service_binding where instance_id = ?")
			.param(instance.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anUnbindStartingWhileTheInstanceIsBeingDeletedWaitsAndRefuses() throws Exception {
		ServiceInstance instance = anIdleInstance();
		ServiceBinding binding = aBinding(instance.id());
		assertThat(this.bindings.insertIfInstanceIdle(binding)).isTrue();
		this.jdbc.sql("update service_binding set status = 'SUCCEEDED' where id = ?").param(binding.id()).update();
		CompletableFuture<Boolean> unbind = whileOpen(
				() -> this.instances.begin(instance.id(), OperationKind.DELETE, "Deleting", Instant.now()),
				() -> this.bindings.beginDelete(instance.id(), binding.id(), true, Instant.now()));
		assertThat(unbind.get(30, TimeUnit.SECONDS)).as("the unbind began").isFalse();
	}

	/**
	 * Starts {@code first} in a transaction kept open for half a second, and
	 * {@code second} on another thread meanwhile; the second's result.
	 */
	private CompletableFuture<Boolean> whileOpen(Start first, Start second) throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture
			.runAsync(() -> new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
				assertThat(first.begin()).as("the first began").isTrue();
				started.countDown();
				sleep(500);
			}));
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		long before = System.nanoTime();
		CompletableFuture<Boolean> result = CompletableFuture.supplyAsync(second::begin);
		return result.thenCombine(holder, (began, ignored) -> {
			// It waited for the first to commit, rather than answering from its snapshot.
			assertThat(System.nanoTime() - before).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(300));
			return began;
		});
	}

	private ServiceInstance anIdleInstance() {
		Instant now = Instant.now();
		UUID customerId = UUID.randomUUID();
		this.jdbc.sql("insert into customer (id, identifier, display_name, created_at) values (?, ?, ?, ?)")
			.params(customerId, "race-" + customerId.toString().substring(0, 8), "Race", Timestamp.from(now))
			.update();
		UUID projectId = UUID.randomUUID();
		this.jdbc
			.sql("insert into project (id, customer_id, identifier, display_name, created_at) values (?, ?, ?, ?, ?)")
			.params(projectId, customerId, "race", "Race", Timestamp.from(now))
			.update();
		ServiceInstance instance = new ServiceInstance(UUID.randomUUID(), "raced", customerId, projectId, "private",
				UUID.randomUUID(), "private", "service", "plan", null, OperationState.SUCCEEDED,
				new LastOperation(OperationKind.CREATE, OperationState.SUCCEEDED, null, now), null, now);
		this.instances.insert(instance);
		return instance;
	}

	private static ServiceBinding aBinding(UUID instanceId) {
		Instant now = Instant.now();
		return new ServiceBinding(UUID.randomUUID(), instanceId, "app", null, OperationState.IN_PROGRESS,
				new LastOperation(OperationKind.CREATE, OperationState.IN_PROGRESS, "Binding", now), null, now);
	}

	private String status(UUID id) {
		return this.jdbc.sql("select status from service_instance where id = ?").param(id).query(String.class).single();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private interface Start {

		boolean begin();

	}

}
