package dev.bazaar.instance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.instance.ServiceBinding;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.osbclient.BrokerEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs due background work. Every node claims due tasks through the database, so a poll
 * runs on one node: a claim is a lease, and work left by a node that died is taken over
 * once its lease runs out (a node that stops in order gives back what it claimed but did
 * not begin).
 * <p>
 * One thread claims, in batches, the tasks due within {@link TaskAlarm#AHEAD}, with their
 * instances and broker endpoints, and queues them here;
 * {@code bazaar.polling.concurrency} threads run each when it is due. Between claims the
 * claiming thread sleeps until the next task is due, or at most
 * {@code bazaar.polling.check}; a task scheduled on this node wakes it. A poll that
 * changes nothing leaves its log and the task's next due time to {@link PollWrites},
 * which writes those of many polls together.
 */
@Component
public class TaskWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TaskWorker.class);

	/** How long {@link #stop()} waits for the tasks under way. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	/**
	 * How long the claiming thread uses the broker endpoints it looked up: a changed
	 * password or URL is used from then on.
	 */
	static final Duration ENDPOINTS_KEPT = Duration.ofSeconds(1);

	private final TaskRepository repository;

	private final InstanceRepository instances;

	private final BindingRepository bindings;

	private final InstancePolls instancePolls;

	private final BindingPolls bindingPolls;

	private final OrphanMitigation mitigation;

	private final InstanceOperations operations;

	private final Tasks tasks;

	private final BrokerGateway gateway;

	private final TaskAlarm alarm;

	private final PollWrites writes;

	private final Clock clock;

	private final Duration lease;

	private final Duration check;

	private final int concurrency;

	/** The most tasks one claim takes. */
	private final int batch;

	/** The most claimed tasks waiting here for their time. */
	private final int capacity;

	private final boolean autoStartup;

	private final DelayQueue<Claimed> queue = new DelayQueue<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	/** The endpoints the claiming thread's claims use (that thread's only). */
	private @Nullable Round round;

	TaskWorker(TaskRepository repository, InstanceRepository instances, BindingRepository bindings,
			InstancePolls instancePolls, BindingPolls bindingPolls, OrphanMitigation mitigation,
			InstanceOperations operations, Tasks tasks, BrokerGateway gateway, TaskAlarm alarm, PollWrites writes,
			Clock clock, @Value("${bazaar.osb.response-timeout:60s}") Duration responseTimeout,
			@Value("${bazaar.polling.concurrency:16}") int concurrency,
			@Value("${bazaar.polling.check:1s}") Duration check,
			@Value("${bazaar.scheduling.enabled:true}") boolean autoStartup) {
		this.repository = repository;
		this.instances = instances;
		this.bindings = bindings;
		this.instancePolls = instancePolls;
		this.bindingPolls = bindingPolls;
		this.mitigation = mitigation;
		this.operations = operations;
		this.tasks = tasks;
		this.gateway = gateway;
		this.alarm = alarm;
		this.writes = writes;
		this.clock = clock;
		this.lease = responseTimeout.multipliedBy(2).plusSeconds(30);
		this.check = check;
		this.concurrency = Math.max(1, concurrency);
		this.batch = this.concurrency * 32;
		this.capacity = this.concurrency * 128;
		this.autoStartup = autoStartup;
	}

	/**
	 * Claims and runs the tasks due now, here, one after the other, and returns how many
	 * ran; for tests and for nodes whose worker does not run.
	 */
	public int runDue() {
		List<Claimed> claimed = claim(this.clock.instant(), this.batch, new Round()).claimed();
		claimed.forEach(this::runSafely);
		this.writes.write();
		return claimed.size();
	}

	@Override
	public void start() {
		synchronized (this.threads) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.writes.start();
			this.threads.add(daemon(this::claimDue, "instance-tasks-claim"));
			for (int i = 0; i < this.concurrency; i++) {
				this.threads.add(daemon(this::runWhenDue, "instance-tasks-" + i));
			}
		}
	}

	/**
	 * Stops claiming, waits a while for the tasks under way, and gives back those claimed
	 * but not begun.
	 */
	@Override
	public void stop() {
		List<Thread> stopping;
		synchronized (this.threads) {
			if (!this.running) {
				return;
			}
			this.running = false;
			stopping = new ArrayList<>(this.threads);
			this.threads.clear();
		}
		this.alarm.ring();
		long deadline = System.nanoTime() + STOP_WAIT.toNanos();
		try {
			for (Thread thread : stopping) {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.writes.stop();
		List<Claimed> left = new ArrayList<>(this.queue);
		this.queue.removeAll(left);
		try {
			left.stream()
				.collect(Collectors.groupingBy((claimed) -> claimed.leaseUntil,
						Collectors.mapping((claimed) -> claimed.task, Collectors.toList())))
				.forEach((leaseUntil, tasks) -> this.repository.release(tasks, leaseUntil));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not give back " + left.size() + " claimed tasks; they run once their lease ends: " + ex);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	private void claimDue() {
		while (this.running) {
			try {
				this.alarm.looking();
				Instant now = this.clock.instant();
				int room = Math.min(this.batch, this.capacity - this.queue.size());
				if (room > 0) {
					Claim claim = claim(now.plus(TaskAlarm.AHEAD), room, round());
					this.queue.addAll(claim.claimed());
					if (claim.full()) {
						// More may be due.
						continue;
					}
				}
				this.alarm.sleepUntil(nextLook(now, room > 0));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Could not claim due tasks; trying again in " + this.check + ": " + ex);
				sleep();
			}
		}
	}

	/**
	 * Claims up to {@code limit} tasks due by {@code until}, with the instances they poll
	 * as they stand now.
	 */
	private Claim claim(Instant until, int limit, Round round) {
		List<Task> due = this.repository.due(until, limit);
		if (due.isEmpty()) {
			return new Claim(List.of(), false);
		}
		Instant leaseUntil = this.clock.instant().plus(this.lease);
		List<Task> mine = this.repository.claim(due, leaseUntil);
		Map<UUID, ServiceInstance> snapshots = mine.isEmpty() ? Map.of() : this.repository.claimedInstances(leaseUntil);
		return new Claim(mine.stream()
			.map((task) -> new Claimed(task, leaseUntil, snapshots.get(task.instanceId()), round))
			.toList(), due.size() == limit);
	}

	/**
	 * The endpoints of the claims of the last {@link #ENDPOINTS_KEPT}: claims follow each
	 * other every few hundred milliseconds, and a lookup decrypts the password.
	 */
	private Round round() {
		Round round = this.round;
		if (round == null || System.nanoTime() - round.started > ENDPOINTS_KEPT.toNanos()) {
			round = new Round();
			this.round = round;
		}
		return round;
	}

	/**
	 * When to look again: at the latest after the check interval; when the queue is full,
	 * once the runners had time to catch up; otherwise when the next task must be
	 * claimed, but not sooner than half of {@link TaskAlarm#AHEAD}, so that each claim
	 * takes a batch.
	 */
	private Instant nextLook(Instant now, boolean room) {
		Instant soonest = now.plus(TaskAlarm.AHEAD.dividedBy(2));
		if (!room) {
			return soonest;
		}
		Instant latest = now.plus(this.check);
		Instant next = this.repository.nextDue();
		if (next == null || !next.minus(TaskAlarm.AHEAD).isBefore(latest)) {
			return latest;
		}
		Instant claimAt = next.minus(TaskAlarm.AHEAD);
		return claimAt.isBefore(soonest) ? soonest : claimAt;
	}

	private void runWhenDue() {
		while (this.running) {
			try {
				Claimed claimed = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (claimed != null) {
					runSafely(claimed);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void runSafely(Claimed claimed) {
		Task task = claimed.task;
		try {
			run(claimed);
		}
		catch (RuntimeException ex) {
			logger.warn("Task " + task.kind() + " of instance " + task.instanceId() + " failed; it will be retried",
					ex);
			this.tasks.retryMitigation(task);
		}
	}

	private void run(Claimed claimed) {
		// As the database has it while this node holds it.
		Task task = claimed.task.heldUntil(claimed.leaseUntil);
		// Polls go by the instance as claimed; other work reads it afresh.
		ServiceInstance instance = polls(task.kind()) ? claimed.instance
				: this.instances.find(task.instanceId()).orElse(null);
		if (instance == null) {
			this.tasks.done(task);
			return;
		}
		switch (task.kind()) {
			case POLL_PROVISION, POLL_UPDATE, POLL_DEPROVISION ->
				this.instancePolls.poll(task, instance, claimed.round.endpoint(instance));
			case MITIGATE_INSTANCE -> this.mitigation.deleteInstance(task, instance);
			case MITIGATE_BINDING -> this.mitigation.deleteBinding(task, instance);
			case POLL_MITIGATE_INSTANCE, POLL_MITIGATE_BINDING -> this.mitigation.poll(task, instance);
			case POLL_BIND, POLL_UNBIND -> withBinding(task, instance, claimed.round);
			case CONTINUE_DELETE -> {
				this.tasks.done(task);
				this.operations.deprovision(instance, null);
			}
		}
	}

	private void withBinding(Task task, ServiceInstance instance, Round round) {
		ServiceBinding binding = this.bindings.find(instance.id(), task.bindingId()).orElse(null);
		if (binding == null) {
			this.tasks.done(task);
			return;
		}
		this.bindingPolls.poll(task, instance, binding, round.endpoint(instance));
	}

	private static boolean polls(TaskKind kind) {
		return kind == TaskKind.POLL_PROVISION || kind == TaskKind.POLL_UPDATE || kind == TaskKind.POLL_DEPROVISION
				|| kind == TaskKind.POLL_BIND || kind == TaskKind.POLL_UNBIND;
	}

	private void sleep() {
		try {
			this.alarm.sleepUntil(this.clock.instant().plus(this.check));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Thread daemon(Runnable work, String name) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/**
	 * What one claim took, and whether it found as many due tasks as it could take.
	 */
	private record Claim(List<Claimed> claimed, boolean full) {
	}

	/**
	 * The broker endpoints of claims' tasks, each looked up (and its password decrypted)
	 * once.
	 */
	private final class Round {

		private final long started = System.nanoTime();

		private final Map<Deployment, BrokerEndpoint> endpoints = new ConcurrentHashMap<>();

		BrokerEndpoint endpoint(ServiceInstance instance) {
			return this.endpoints.computeIfAbsent(new Deployment(instance.brokerId(), instance.deployment()),
					(key) -> TaskWorker.this.gateway.endpoint(instance));
		}

	}

	/** Where an instance's broker calls go: the broker, and its deployment. */
	private record Deployment(UUID brokerId, String name) {

	}

	/** A task this node claimed until {@code leaseUntil}, waiting for its time. */
	private final class Claimed implements Delayed {

		private final Task task;

		private final Instant leaseUntil;

		private final @Nullable ServiceInstance instance;

		private final Round round;

		/**
		 * When it is due, in milliseconds since the epoch: the queue asks for the delay
		 * whenever a thread looks.
		 */
		private final long dueMillis;

		Claimed(Task task, Instant leaseUntil, @Nullable ServiceInstance instance, Round round) {
			this.task = task;
			this.leaseUntil = leaseUntil;
			this.instance = instance;
			this.round = round;
			// Rounded up, so that a task never runs before it is due.
			this.dueMillis = task.dueAt().toEpochMilli() + ((task.dueAt().getNano() % 1_000_000 != 0) ? 1 : 0);
		}

		@Override
		public long getDelay(TimeUnit unit) {
			// Not clock.millis(): a clock that ticks in microseconds fails it (JDK 17).
			return unit.convert(this.dueMillis - TaskWorker.this.clock.instant().toEpochMilli(), TimeUnit.MILLISECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(this.dueMillis, ((Claimed) other).dueMillis);
		}

	}

}
