package dev.bazaar.instance.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bazaar.instance.InstanceCommands.UpdateInstance;
import dev.bazaar.instance.InstanceManagement;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.shared.DomainException;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.Project;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One instance: its details, live status while an operation runs, changes and deletion
 * with a confirmation.
 */
@PageController
class InstanceController {

	private static final String PAGE = "/projects/{project}/instances/{id}";

	private final InstancePages pages;

	private final InstanceManagement instances;

	InstanceController(InstancePages pages, InstanceManagement instances) {
		this.pages = pages;
		this.instances = instances;
	}

	@GetMapping(PAGE)
	String page(@PathVariable String project, @PathVariable UUID id, Model model) {
		Project found = this.pages.project(project);
		this.pages.fill(model, found, this.pages.instance(found, id));
		return "instance/instance";
	}

	/**
	 * The live part of the page, which htmx polls while an operation runs; once the
	 * instance is gone, htmx is sent to the project's instances.
	 */
	@GetMapping(PAGE + "/live")
	String live(@PathVariable String project, @PathVariable UUID id, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Project found = this.pages.project(project);
		try {
			this.pages.fill(model, found, this.pages.instance(found, id));
		}
		catch (ResourceNotFound ex) {
			return LiveRedirect.to("/projects/" + project + "/instances", "The instance was deleted.", request,
					response);
		}
		return "instance/instance :: live";
	}

	@PostMapping(PAGE + "/update")
	String update(@PathVariable String project, @PathVariable UUID id, @RequestParam Map<String, String> request,
			Model model, RedirectAttributes redirect) {
		Project found = this.pages.project(project);
		ServiceInstance instance = this.pages.instance(found, id);
		ParametersForm parameters = ParametersForm.submitted(
				this.pages.schema(this.pages.plan(instance).orElse(null), "service_instance.update"), true, request);
		InstanceForm form = InstanceForm.submitted(request, parameters);
		Map<String, Object> values = parameters.values();
		form.requireDisplayName();
		if (!form.hasErrors()) {
			try {
				String plan = form.getPlanId().isBlank() ? null : form.getPlanId();
				String name = form.getDisplayName().equals(instance.displayName()) ? null : form.getDisplayName();
				this.instances.update(id, new UpdateInstance(plan, values, name));
				redirect.addFlashAttribute("flash", "Instance updated.");
				return "redirect:/projects/" + project + "/instances/" + id;
			}
			catch (ResourceNotFound ex) {
				throw ex;
			}
			catch (DomainException ex) {
				form.reject(ex);
			}
		}
		model.addAttribute("updateForm", form);
		this.pages.fill(model, found, this.pages.instance(found, id));
		return "instance/instance";
	}

	/**
	 * Fetches the instance's details (dashboard, parameters) from brokers that allow it.
	 */
	@PostMapping(PAGE + "/refresh")
	String refresh(@PathVariable String project, @PathVariable UUID id, RedirectAttributes redirect) {
		this.pages.instance(this.pages.project(project), id);
		try {
			this.instances.refresh(id);
			redirect.addFlashAttribute("flash", "Details fetched from the broker.");
		}
		catch (ResourceNotFound ex) {
			throw ex;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/projects/" + project + "/instances/" + id;
	}

	@GetMapping(PAGE + "/delete")
	String confirmDelete(@PathVariable String project, @PathVariable UUID id, Model model) {
		Project found = this.pages.project(project);
		model.addAttribute("project", found);
		model.addAttribute("instance", this.pages.instance(found, id));
		model.addAttribute("bindings", this.instances.bindings(id));
		return "instance/delete";
	}

	/** Deletes the instance after unbinding it; also retries a delete that failed. */
	@PostMapping(PAGE + "/delete")
	String delete(@PathVariable String project, @PathVariable UUID id, RedirectAttributes redirect) {
		Project found = this.pages.project(project);
		ServiceInstance instance = this.pages.instance(found, id);
		try {
			Optional<ServiceInstance> left = this.instances.delete(id);
			if (left.isEmpty()) {
				redirect.addFlashAttribute("flash", "Instance '" + instance.displayName() + "' deleted.");
				return "redirect:/projects/" + project + "/instances";
			}
			redirect.addFlashAttribute("flash", "Deleting instance '" + instance.displayName() + "'…");
		}
		catch (ResourceNotFound ex) {
			throw ex;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/projects/" + project + "/instances/" + id;
	}

}
