package dev.bazaar.instance.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bazaar.instance.InstanceCommands.CreateBinding;
import dev.bazaar.instance.InstanceManagement;
import dev.bazaar.instance.ServiceBinding;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.shared.DomainException;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.Project;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Binds an instance, shows a binding with its credentials only on request, and unbinds it
 * after a confirmation.
 */
@PageController
class BindingController {

	private static final String INSTANCE = "/projects/{project}/instances/{id}";

	private static final String BINDING = INSTANCE + "/bindings/{bindingId}";

	private final InstancePages pages;

	private final InstanceManagement instances;

	private final Credentials credentials;

	BindingController(InstancePages pages, InstanceManagement instances, Credentials credentials) {
		this.pages = pages;
		this.instances = instances;
		this.credentials = credentials;
	}

	@PostMapping(INSTANCE + "/bindings")
	String bind(@PathVariable String project, @PathVariable UUID id, @RequestParam Map<String, String> request,
			Model model, RedirectAttributes redirect) {
		Project found = this.pages.project(project);
		ServiceInstance instance = this.pages.instance(found, id);
		ParametersForm parameters = ParametersForm.submitted(
				this.pages.schema(this.pages.plan(instance).orElse(null), "service_binding.create"), false, request);
		InstanceForm form = InstanceForm.submitted(request, parameters);
		Map<String, Object> values = parameters.values();
		form.requireDisplayName();
		if (!form.hasErrors()) {
			try {
				ServiceBinding binding = this.instances.bind(id, new CreateBinding(form.getDisplayName(), values));
				redirect.addFlashAttribute("flash", "Binding '" + binding.displayName() + "' created.");
				return "redirect:/projects/" + project + "/instances/" + id + "/bindings/" + binding.id();
			}
			catch (ResourceNotFound ex) {
				throw ex;
			}
			catch (DomainException ex) {
				form.reject(ex);
			}
		}
		model.addAttribute("bindForm", form);
		this.pages.fill(model, found, this.pages.instance(found, id));
		return "instance/instance";
	}

	@GetMapping(BINDING)
	String page(@PathVariable String project, @PathVariable UUID id, @PathVariable UUID bindingId, Model model) {
		fill(project, id, bindingId, model);
		return "instance/binding";
	}

	@GetMapping(BINDING + "/live")
	String live(@PathVariable String project, @PathVariable UUID id, @PathVariable UUID bindingId, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			fill(project, id, bindingId, model);
		}
		catch (ResourceNotFound ex) {
			return LiveRedirect.to("/projects/" + project + "/instances/" + id, "The binding was deleted.", request,
					response);
		}
		return "instance/binding :: live";
	}

	/** The credentials, fetched when the user asks for them; never cached. */
	@GetMapping(BINDING + "/credentials")
	String credentials(@PathVariable String project, @PathVariable UUID id, @PathVariable UUID bindingId, Model model,
			HttpServletResponse response) {
		fill(project, id, bindingId, model);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("credentials", this.credentials.pretty(this.instances.binding(id, bindingId)));
		return "instance/binding :: credentials";
	}

	@GetMapping(BINDING + "/credentials/hidden")
	String hideCredentials(@PathVariable String project, @PathVariable UUID id, @PathVariable UUID bindingId,
			Model model) {
		fill(project, id, bindingId, model);
		return "instance/binding :: hidden-credentials";
	}

	@GetMapping(BINDING + "/unbind")
	String confirmUnbind(@PathVariable String project, @PathVariable UUID id, @PathVariable UUID bindingId,
			Model model) {
		fill(project, id, bindingId, model);
		return "instance/unbind";
	}

	@PostMapping(BINDING + "/unbind")
	String unbind(@PathVariable String project, @PathVariable UUID id, @PathVariable UUID bindingId,
			RedirectAttributes redirect) {
		ServiceBinding binding = this.pages.binding(this.pages.instance(this.pages.project(project), id), bindingId);
		String instancePage = "redirect:/projects/" + project + "/instances/" + id;
		try {
			Optional<ServiceBinding> left = this.instances.unbind(id, bindingId);
			if (left.isEmpty()) {
				redirect.addFlashAttribute("flash", "Binding '" + binding.displayName() + "' deleted.");
				return instancePage;
			}
			redirect.addFlashAttribute("flash", "Deleting binding '" + binding.displayName() + "'…");
		}
		catch (ResourceNotFound ex) {
			throw ex;
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return instancePage + "/bindings/" + bindingId;
	}

	private void fill(String project, UUID id, UUID bindingId, Model model) {
		Project found = this.pages.project(project);
		ServiceInstance instance = this.pages.instance(found, id);
		model.addAttribute("project", found);
		model.addAttribute("instance", instance);
		model.addAttribute("binding", this.pages.binding(instance, bindingId));
	}

}
