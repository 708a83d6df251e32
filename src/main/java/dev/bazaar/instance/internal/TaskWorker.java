package dev.bazaar.instance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.instance.ServiceBinding;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.shared.WorkerPool;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs due background work: every node looks for due tasks and claims each through the
 * database, so a poll runs on one node; work left by a node that stopped is taken over
 * once its lease runs out.
 */
@Component
public class TaskWorker implements DisposableBean {

	private static final Log logger = LogFactory.getLog(TaskWorker.class);

	private final TaskRepository repository;

	private final InstanceRepository instances;

	private final BindingRepository bindings;

	private final InstancePolls instancePolls;

	private final BindingPolls bindingPolls;

	private final OrphanMitigation mitigation;

	private final InstanceOperations operations;

	private final Tasks tasks;

	private final Clock clock;

	private final Duration lease;

	private final int batch;

	private final WorkerPool workers;

	TaskWorker(TaskRepository repository, InstanceRepository instances, BindingRepository bindings,
			InstancePolls instancePolls, BindingPolls bindingPolls, OrphanMitigation mitigation,
			InstanceOperations operations, Tasks tasks, Clock clock,
			@Value("${bazaar.osb.response-timeout:60s}") Duration responseTimeout,
			@Value("${bazaar.polling.concurrency:16}") int concurrency) {
		this.repository = repository;
		this.instances = instances;
		this.bindings = bindings;
		this.instancePolls = instancePolls;
		this.bindingPolls = bindingPolls;
		this.mitigation = mitigation;
		this.operations = operations;
		this.tasks = tasks;
		this.clock = clock;
		this.lease = responseTimeout.multipliedBy(2).plusSeconds(30);
		this.batch = Math.max(1, concurrency) * 4;
		this.workers = new WorkerPool("instance-tasks", concurrency);
	}

	@Scheduled(fixedDelayString = "${bazaar.polling.check:1s}")
	void tick() {
		runDue();
	}

	/**
	 * Claims and runs the tasks due now, waiting until they are done; returns how many
	 * ran here.
	 */
	public int runDue() {
		Instant now = this.clock.instant();
		List<Task> claimed = this.repository.due(now, this.batch)
			.stream()
			.filter((task) -> this.repository.claim(task, now.plus(this.lease)))
			.toList();
		this.workers.runAll(claimed, this::runSafely);
		return claimed.size();
	}

	private void runSafely(Task task) {
		try {
			run(task);
		}
		catch (RuntimeException ex) {
			logger.warn("Task " + task.kind() + " of instance " + task.instanceId() + " failed; it will be retried",
					ex);
			this.tasks.retryMitigation(task);
		}
	}

	private void run(Task task) {
		ServiceInstance instance = this.instances.find(task.instanceId()).orElse(null);
		if (instance == null) {
			this.tasks.done(task);
			return;
		}
		switch (task.kind()) {
			case POLL_PROVISION, POLL_UPDATE, POLL_DEPROVISION -> this.instancePolls.poll(task, instance);
			case MITIGATE_INSTANCE -> this.mitigation.deleteInstance(task, instance);
			case MITIGATE_BINDING -> this.mitigation.deleteBinding(task, instance);
			case POLL_MITIGATE_INSTANCE, POLL_MITIGATE_BINDING -> this.mitigation.poll(task, instance);
			case POLL_BIND, POLL_UNBIND -> withBinding(task, instance);
			case CONTINUE_DELETE -> {
				this.tasks.done(task);
				this.operations.deprovision(instance, null);
			}
		}
	}

	private void withBinding(Task task, ServiceInstance instance) {
		ServiceBinding binding = this.bindings.find(instance.id(), task.bindingId()).orElse(null);
		if (binding == null) {
			this.tasks.done(task);
			return;
		}
		this.bindingPolls.poll(task, instance, binding);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.workers.close();
	}

}
