package dev.bazaar.instance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.DeployedService;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.PlanView;
import dev.bazaar.instance.InstanceCommands.CreateBinding;
import dev.bazaar.instance.InstanceCommands.CreateInstance;
import dev.bazaar.instance.InstanceCommands.UpdateInstance;
import dev.bazaar.instance.internal.BindingOperations;
import dev.bazaar.instance.internal.BindingRepository;
import dev.bazaar.instance.internal.InstanceContext;
import dev.bazaar.instance.internal.InstanceOperations;
import dev.bazaar.instance.internal.InstanceRepository;
import dev.bazaar.marketplace.Marketplaces;
import dev.bazaar.marketplace.OfferedPlan;
import dev.bazaar.shared.InvalidRequest;
import dev.bazaar.shared.RandomUuids;
import dev.bazaar.shared.RequestRefused;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.StateConflict;
import dev.bazaar.shared.Texts;
import dev.bazaar.shared.crypto.SecretCipher;
import dev.bazaar.tenancy.CurrentUser;
import dev.bazaar.tenancy.Customer;
import dev.bazaar.tenancy.Project;
import dev.bazaar.tenancy.TenancyManagement;
import dev.bazaar.tenancy.TenantAccess;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Orders, changes and deletes service instances and bindings for the members of a
 * project, one operation at a time per instance.
 */
@Service
public class InstanceManagement {

	private final TenancyManagement tenancy;

	private final TenantAccess access;

	private final Marketplaces marketplaces;

	private final BrokerManagement brokers;

	private final CatalogManagement catalogs;

	private final InstanceRepository instances;

	private final BindingRepository bindings;

	private final InstanceOperations operations;

	private final BindingOperations bindingOperations;

	private final InstanceParameters parameters;

	private final SecretCipher cipher;

	private final Clock clock;

	InstanceManagement(TenancyManagement tenancy, TenantAccess access, Marketplaces marketplaces,
			BrokerManagement brokers, CatalogManagement catalogs, InstanceRepository instances,
			BindingRepository bindings, InstanceOperations operations, BindingOperations bindingOperations,
			InstanceParameters parameters, SecretCipher cipher, Clock clock) {
		this.tenancy = tenancy;
		this.access = access;
		this.marketplaces = marketplaces;
		this.brokers = brokers;
		this.catalogs = catalogs;
		this.instances = instances;
		this.bindings = bindings;
		this.operations = operations;
		this.bindingOperations = bindingOperations;
		this.parameters = parameters;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Orders an instance of a plan offered in one of the project's marketplaces; the
	 * answer names what was ordered without reading it again.
	 */
	public InstanceView create(String customerIdentifier, String projectIdentifier, CreateInstance command) {
		Project project = this.tenancy.project(customerIdentifier, projectIdentifier);
		requireMember(project.customerId());
		String displayName = Texts.required("displayName", command.displayName(), 200);
		if (command.marketplace() == null || command.serviceId() == null || command.planId() == null) {
			throw new InvalidRequest("marketplace, serviceId and planId are required");
		}
		OfferedPlan offered = this.marketplaces.orderable(project, command.marketplace(), command.serviceId(),
				command.planId());
		String params = this.parameters.forCreate(offered.plan(), command.parameters());
		Instant now = this.clock.instant();
		LastOperation operation = new LastOperation(OperationKind.CREATE, OperationState.IN_PROGRESS,
				"Asking the broker to provision the instance", now);
		ServiceInstance instance = new ServiceInstance(RandomUuids.next(), displayName, project.customerId(),
				project.id(), offered.marketplace(), offered.brokerId(), offered.deployment(), offered.service().id(),
				offered.plan().id(), params, OperationState.IN_PROGRESS, operation, null, now);
		InstanceContext context = new InstanceContext(customerIdentifier, project.identifier(),
				CurrentUser.find().map((user) -> user.id()).orElse(null));
		ServiceInstance provisioned = this.operations.provision(instance, context);
		return new InstanceView(provisioned, customerIdentifier, project.identifier(), offered.brokerIdentifier(),
				offered.service().name(), offered.plan().name(), offered.service().instancesRetrievable(),
				callsReadable(offered.brokerOwnerId()));
	}

	/** The project's instances, for its customer's members. */
	public List<ServiceInstance> instances(String customerIdentifier, String projectIdentifier) {
		Project project = this.tenancy.project(customerIdentifier, projectIdentifier);
		return this.instances.ofProject(project.id());
	}

	/** An instance, for its project's customer members and partner admins. */
	public ServiceInstance instance(UUID id) {
		return this.instances.find(id)
			.filter((instance) -> this.access.canSee(instance.customerId()))
			.orElseThrow(() -> new ResourceNotFound("There is no service instance " + id));
	}

	/** Changes plan, parameters or display name; a new name alone calls no broker. */
	public ServiceInstance update(UUID id, UpdateInstance command) {
		ServiceInstance instance = memberInstance(id);
		String displayName = (command.displayName() != null) ? Texts.required("displayName", command.displayName(), 200)
				: null;
		boolean planChange = command.planId() != null && !command.planId().equals(instance.planId());
		if (!planChange && command.parameters() == null) {
			if (displayName != null) {
				this.instances.rename(id, displayName, this.clock.instant());
			}
			return this.instances.find(id).orElseThrow();
		}
		PlanView target = planChange ? newPlan(instance, command.planId()) : currentPlan(instance);
		String sent = this.parameters.forUpdate(target, command.parameters());
		String all = this.parameters.merge(instance.parameters(), command.parameters());
		// Checked and begun before renaming: a refused update changes nothing.
		begin(instance, OperationKind.UPDATE, "Asking the broker to update the instance");
		if (displayName != null) {
			this.instances.rename(id, displayName, this.clock.instant());
		}
		return this.operations.update(this.instances.find(id).orElseThrow(), context(instance),
				planChange ? command.planId() : null, sent, all);
	}

	/** Unbinds every binding, then deprovisions; empty once the instance is gone. */
	public Optional<ServiceInstance> delete(UUID id) {
		ServiceInstance instance = memberInstance(id);
		begin(instance, OperationKind.DELETE, "Asking the broker to delete the instance");
		return Optional.ofNullable(this.operations.delete(instance, context(instance)));
	}

	/** Binds the instance, if its plan is bindable. */
	public ServiceBinding bind(UUID id, CreateBinding command) {
		ServiceInstance instance = memberInstance(id);
		String displayName = Texts.required("displayName", command.displayName(), 200);
		PlanView plan = currentPlan(instance);
		if (!plan.bindable()) {
			throw new RequestRefused("The plan '" + plan.name() + "' is not bindable");
		}
		String params = this.parameters.forBind(plan, command.parameters());
		Instant now = this.clock.instant();
		ServiceBinding binding = new ServiceBinding(RandomUuids.next(), id, displayName, params,
				OperationState.IN_PROGRESS,
				new LastOperation(OperationKind.CREATE, OperationState.IN_PROGRESS, "Asking the broker to bind", now),
				null, now);
		if (!this.bindings.insertIfInstanceIdle(binding)) {
			throw busyOrNotReady(this.instances.find(id).orElse(instance));
		}
		return this.bindingOperations.bind(instance, binding, context(instance));
	}

	/**
	 * A binding with its credentials once it succeeded, for the project's customer
	 * members.
	 */
	public ServiceBinding binding(UUID id, UUID bindingId) {
		ServiceInstance instance = instance(id);
		ServiceBinding binding = this.bindings.find(instance.id(), bindingId)
			.orElseThrow(() -> new ResourceNotFound("Instance " + id + " has no binding " + bindingId));
		String encrypted = (binding.status() == OperationState.SUCCEEDED)
				? this.bindings.credentialsEncrypted(bindingId) : null;
		return new ServiceBinding(binding.id(), binding.instanceId(), binding.displayName(), binding.parameters(),
				binding.status(), binding.lastOperation(), (encrypted != null) ? this.cipher.decrypt(encrypted) : null,
				binding.createdAt());
	}

	/** The instance's bindings, without credentials. */
	public List<ServiceBinding> bindings(UUID id) {
		return this.bindings.ofInstance(instance(id).id());
	}

	/** Unbinds; empty once the binding is gone. */
	public Optional<ServiceBinding> unbind(UUID id, UUID bindingId) {
		ServiceInstance instance = memberInstance(id);
		ServiceBinding binding = this.bindings.find(id, bindingId)
			.orElseThrow(() -> new ResourceNotFound("Instance " + id + " has no binding " + bindingId));
		if (instance.status() == OperationState.IN_PROGRESS
				|| !this.bindings.beginDelete(id, bindingId, true, this.clock.instant())) {
			throw new StateConflict("Another operation runs on this instance or binding; wait until it ends");
		}
		return Optional.ofNullable(this.bindingOperations.unbind(instance, binding, context(instance)));
	}

	/**
	 * Fetches the instance from its broker, where the service allows it
	 * ({@code instances_retrievable}), to update its dashboard URL and parameters.
	 */
	public ServiceInstance refresh(UUID id) {
		ServiceInstance instance = memberInstance(id);
		if (!describe(instance).instancesRetrievable()) {
			throw new RequestRefused("The service does not let Bazaar fetch its instances (instances_retrievable is "
					+ "not true); there is nothing to refresh");
		}
		if (instance.status() == OperationState.IN_PROGRESS) {
			throw new StateConflict("An operation runs on instance '" + instance.displayName()
					+ "'; refresh it once the operation ends");
		}
		return this.operations.refresh(instance);
	}

	/**
	 * Failed instances of the customer's brokers, whoever consumes them, for its customer
	 * admins.
	 */
	public List<FailedInstance> failedInstances(String customerIdentifier) {
		List<ServiceBroker> owned = this.brokers.brokers(customerIdentifier);
		List<FailedInstance> failed = new ArrayList<>();
		for (ServiceInstance instance : this.instances
			.failedOfBrokers(owned.stream().map(ServiceBroker::id).toList())) {
			ServiceBroker broker = owned.stream()
				.filter((b) -> b.id().equals(instance.brokerId()))
				.findFirst()
				.orElseThrow();
			String planName = this.catalogs
				.plan(new Deployment(instance.brokerId(), instance.deployment()), instance.serviceId(),
						instance.planId())
				.map(PlanView::name)
				.orElse(null);
			String consumer = this.tenancy.customerById(instance.customerId()).map(Customer::identifier).orElse("");
			failed.add(new FailedInstance(instance, broker.identifier(), planName, consumer));
		}
		return failed;
	}

	/** The instance with the names people read. */
	public InstanceView describe(ServiceInstance instance) {
		Deployment deployment = new Deployment(instance.brokerId(), instance.deployment());
		var service = this.catalogs.service(List.of(deployment), instance.serviceId()).map(DeployedService::service);
		String planName = service
			.flatMap((s) -> s.plans().stream().filter((p) -> p.id().equals(instance.planId())).findFirst())
			.map(PlanView::name)
			.orElse(null);
		Optional<ServiceBroker> broker = this.brokers.findById(instance.brokerId());
		boolean callsReadable = broker.isPresent() && callsReadable(broker.get().customerId());
		return new InstanceView(instance,
				this.tenancy.customerById(instance.customerId()).map(Customer::identifier).orElse(""),
				this.tenancy.projectById(instance.projectId()).map(Project::identifier).orElse(""),
				broker.map(ServiceBroker::identifier).orElse(""), service.map((s) -> s.name()).orElse(null), planName,
				service.map((s) -> s.instancesRetrievable()).orElse(false), callsReadable);
	}

	/**
	 * Whether the current user may read a broker's communication logs: its owner's
	 * customer admins and partner admins.
	 */
	private static boolean callsReadable(UUID brokerOwnerId) {
		return CurrentUser.find()
			.map((user) -> user.isPartnerAdmin() || (user.isCustomerAdmin() && user.belongsTo(brokerOwnerId)))
			.orElse(false);
	}

	private PlanView newPlan(ServiceInstance instance, String planId) {
		PlanView current = currentPlan(instance);
		if (!current.planUpdateable()) {
			throw new RequestRefused("The service does not allow plan changes (plan_updateable is false)");
		}
		PlanView target = this.catalogs
			.plan(new Deployment(instance.brokerId(), instance.deployment()), instance.serviceId(), planId)
			.filter(PlanView::active)
			.orElse(null);
		if (target == null) {
			throw new RequestRefused("Plan '" + planId + "' is not offered for this service");
		}
		return target;
	}

	private PlanView currentPlan(ServiceInstance instance) {
		return this.catalogs
			.plan(new Deployment(instance.brokerId(), instance.deployment()), instance.serviceId(), instance.planId())
			.orElseThrow(() -> new RequestRefused("The broker's catalog no longer knows this instance's plan"));
	}

	private void begin(ServiceInstance instance, OperationKind kind, String description) {
		if (!this.instances.begin(instance.id(), kind, description, this.clock.instant())) {
			throw new StateConflict("Another operation runs on instance '" + instance.displayName()
					+ "' or one of its bindings; wait until it ends, then try again");
		}
	}

	private RuntimeException busyOrNotReady(ServiceInstance instance) {
		boolean bindingBusy = this.bindings.ofInstance(instance.id())
			.stream()
			.anyMatch((binding) -> binding.status() == OperationState.IN_PROGRESS);
		if (instance.status() == OperationState.IN_PROGRESS || bindingBusy) {
			return new StateConflict("Another operation runs on instance '" + instance.displayName()
					+ "' or one of its bindings; wait until it ends, then try again");
		}
		return new StateConflict("Instance '" + instance.displayName() + "' cannot be bound: it is "
				+ instance.status().name().toLowerCase().replace('_', ' '));
	}

	private ServiceInstance memberInstance(UUID id) {
		ServiceInstance instance = instance(id);
		requireMember(instance.customerId());
		return instance;
	}

	private void requireMember(UUID customerId) {
		if (!CurrentUser.get().belongsTo(customerId)) {
			throw new AccessDeniedException("Only members of the project's customer may change its instances");
		}
	}

	private InstanceContext context(ServiceInstance instance) {
		String customer = this.tenancy.customerById(instance.customerId()).map(Customer::identifier).orElse("");
		String project = this.tenancy.projectById(instance.projectId()).map(Project::identifier).orElse("");
		return new InstanceContext(customer, project, CurrentUser.find().map((user) -> user.id()).orElse(null));
	}

}
