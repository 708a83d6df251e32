package dev.bazaar.instance.web;

import java.util.Map;

import dev.bazaar.instance.InstanceCommands.CreateInstance;
import dev.bazaar.instance.InstanceManagement;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.marketplace.Marketplaces;
import dev.bazaar.marketplace.OfferedPlan;
import dev.bazaar.shared.BrokerFailure;
import dev.bazaar.shared.DomainException;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.StateConflict;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.Project;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Orders an instance of a plan: a display name and the parameters, in a form generated
 * from the plan's {@code service_instance.create} schema.
 */
@PageController
class CreateInstanceController {

	private static final String SCHEMA = "service_instance.create";

	private final InstancePages pages;

	private final Marketplaces marketplaces;

	private final InstanceManagement instances;

	CreateInstanceController(InstancePages pages, Marketplaces marketplaces, InstanceManagement instances) {
		this.pages = pages;
		this.marketplaces = marketplaces;
		this.instances = instances;
	}

	@GetMapping("/projects/{project}/instances/new")
	String form(@PathVariable String project, @RequestParam String marketplace, @RequestParam String broker,
			@RequestParam String service, @RequestParam String plan, Model model) {
		OfferedPlan offered = offered(project, marketplace, broker, service, plan, model);
		model.addAttribute("form",
				new InstanceForm("", plan, ParametersForm.blank(this.pages.schema(offered.plan(), SCHEMA), false)));
		return "instance/new";
	}

	@PostMapping("/projects/{project}/instances/new")
	String create(@PathVariable String project, @RequestParam String marketplace, @RequestParam String broker,
			@RequestParam String service, @RequestParam String plan, @RequestParam Map<String, String> request,
			Model model, RedirectAttributes redirect) {
		OfferedPlan offered = offered(project, marketplace, broker, service, plan, model);
		ParametersForm parameters = ParametersForm.submitted(this.pages.schema(offered.plan(), SCHEMA), false, request);
		InstanceForm form = InstanceForm.submitted(request, parameters);
		model.addAttribute("form", form);
		Map<String, Object> values = parameters.values();
		form.requireDisplayName();
		if (form.hasErrors()) {
			return "instance/new";
		}
		try {
			ServiceInstance instance = this.instances
				.create(WebUser.customer(), project,
						new CreateInstance(marketplace, service, plan, form.displayNameOrNull(), values))
				.instance();
			redirect.addFlashAttribute("flash", "Instance '" + instance.displayName() + "' ordered.");
			return "redirect:/projects/" + project + "/instances/" + instance.id();
		}
		catch (ResourceNotFound ex) {
			throw ex;
		}
		catch (BrokerFailure | StateConflict ex) {
			// The instance exists (failed); the list shows it with the reason.
			redirect.addFlashAttribute("flashError", ex.getMessage());
			return "redirect:/projects/" + project + "/instances";
		}
		catch (DomainException ex) {
			form.reject(ex);
			return "instance/new";
		}
	}

	private OfferedPlan offered(String projectIdentifier, String marketplace, String broker, String service,
			String plan, Model model) {
		Project project = this.pages.project(projectIdentifier);
		OfferedPlan offered = this.marketplaces.offeredPlan(project, marketplace, service, plan)
			.filter((candidate) -> candidate.brokerIdentifier().equals(broker))
			.orElseThrow(() -> new ResourceNotFound("The project's marketplaces offer no such plan"));
		model.addAttribute("project", project);
		model.addAttribute("offered", offered);
		return offered;
	}

}
