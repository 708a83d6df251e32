package dev.bazaar.instance.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.PlanView;
import dev.bazaar.catalog.ServiceView;
import dev.bazaar.instance.InstanceManagement;
import dev.bazaar.instance.OperationKind;
import dev.bazaar.instance.OperationState;
import dev.bazaar.instance.ServiceBinding;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.instance.internal.ParameterSchemas;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.tenancy.Project;
import dev.bazaar.tenancy.TenancyManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the instance pages share: the signed-in user's project, an instance of it, its
 * plan's schemas, and the model of the instance page.
 */
@Component
class InstancePages {

	private final TenancyManagement tenancy;

	private final InstanceManagement instances;

	private final CatalogManagement catalogs;

	private final ParameterSchemas schemas;

	InstancePages(TenancyManagement tenancy, InstanceManagement instances, CatalogManagement catalogs,
			ParameterSchemas schemas) {
		this.tenancy = tenancy;
		this.instances = instances;
		this.catalogs = catalogs;
		this.schemas = schemas;
	}

	/** The project of the user's customer; 404 for others, 403 for partner admins. */
	Project project(String projectIdentifier) {
		return this.tenancy.project(WebUser.customer(), projectIdentifier);
	}

	/** The instance, if it belongs to the project; 404 otherwise. */
	ServiceInstance instance(Project project, UUID id) {
		ServiceInstance instance = this.instances.instance(id);
		if (!instance.projectId().equals(project.id())) {
			throw new ResourceNotFound("Project '" + project.identifier() + "' has no instance " + id);
		}
		return instance;
	}

	/** The binding, without credentials; 404 when the instance has none such. */
	ServiceBinding binding(ServiceInstance instance, UUID bindingId) {
		return this.instances.bindings(instance.id())
			.stream()
			.filter((binding) -> binding.id().equals(bindingId))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFound("Instance " + instance.id() + " has no binding " + bindingId));
	}

	Optional<ServiceView> service(ServiceInstance instance) {
		return this.catalogs.catalog(new Deployment(instance.brokerId(), instance.deployment()))
			.flatMap((catalog) -> catalog.services()
				.stream()
				.filter((service) -> service.id().equals(instance.serviceId()))
				.findFirst());
	}

	Optional<PlanView> plan(ServiceInstance instance) {
		return this.catalogs.plan(new Deployment(instance.brokerId(), instance.deployment()), instance.serviceId(),
				instance.planId());
	}

	/** The parameters schema at {@code path}, such as {@code service_binding.create}. */
	@Nullable JsonNode schema(@Nullable PlanView plan, String path) {
		return (plan != null) ? this.schemas.schema(plan.schemas(), path) : null;
	}

	/**
	 * Fills the model of the instance page; forms already in the model (with errors)
	 * stay.
	 */
	void fill(Model model, Project project, ServiceInstance instance) {
		PlanView plan = plan(instance).orElse(null);
		ServiceView service = service(instance).orElse(null);
		List<ServiceBinding> bindings = this.instances.bindings(instance.id());
		boolean busy = instance.status() == OperationState.IN_PROGRESS
				|| bindings.stream().anyMatch((binding) -> binding.status() == OperationState.IN_PROGRESS);
		model.addAttribute("project", project);
		model.addAttribute("instance", instance);
		model.addAttribute("view", this.instances.describe(instance));
		model.addAttribute("bindings", bindings);
		model.addAttribute("busy", busy);
		model.addAttribute("bindable", plan != null && plan.bindable());
		model.addAttribute("plans", updatablePlans(service, plan));
		model.addAttribute("retryDelete",
				instance.status() == OperationState.FAILED && instance.lastOperation().type() == OperationKind.DELETE);
		if (!model.containsAttribute("bindForm")) {
			model.addAttribute("bindForm",
					new InstanceForm("", "", ParametersForm.blank(schema(plan, "service_binding.create"), false)));
		}
		if (!model.containsAttribute("updateForm")) {
			model.addAttribute("updateForm", new InstanceForm(instance.displayName(), instance.planId(),
					ParametersForm.blank(schema(plan, "service_instance.update"), true)));
		}
	}

	/**
	 * The plans an instance may change to: the service's active ones, if it allows it.
	 */
	private static List<PlanView> updatablePlans(@Nullable ServiceView service, @Nullable PlanView plan) {
		if (service == null || plan == null || !plan.planUpdateable()) {
			return List.of();
		}
		return service.plans().stream().filter(PlanView::active).toList();
	}

}
