package dev.bazaar.tenancy.web;

import java.util.List;

import dev.bazaar.shared.web.Forms;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.Customer;
import dev.bazaar.tenancy.TenancyManagement;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The projects list: a customer's users see their customer's projects, partner admins
 * every customer's.
 */
@PageController
class ProjectController {

	private final TenancyManagement tenancy;

	ProjectController(TenancyManagement tenancy) {
		this.tenancy = tenancy;
	}

	@GetMapping("/projects")
	String projects(@ModelAttribute("projectForm") IdentifiedForm form, Model model) {
		model.addAttribute("projects", OwnCustomer.isPartnerAdmin() ? allProjects() : ownProjects());
		model.addAttribute("allCustomers", OwnCustomer.isPartnerAdmin());
		return "tenancy/projects";
	}

	@PostMapping("/projects")
	String create(@ModelAttribute("projectForm") IdentifiedForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		String customer = OwnCustomer.identifier();
		return Forms.submit(result, () -> this.tenancy.createProject(customer, form.toProject())).map((project) -> {
			redirect.addFlashAttribute("flash", "Project '" + project.displayName() + "' created.");
			return "redirect:/projects/" + project.identifier();
		}).orElseGet(() -> projects(form, model));
	}

	private List<ProjectRow> ownProjects() {
		Customer customer = this.tenancy.customer(OwnCustomer.identifier());
		return this.tenancy.projects(customer.identifier())
			.stream()
			.map((project) -> ProjectRow.ofOwnCustomer(project, customer))
			.toList();
	}

	private List<ProjectRow> allProjects() {
		return this.tenancy.customers()
			.stream()
			.flatMap((customer) -> this.tenancy.projects(customer.identifier())
				.stream()
				.map((project) -> ProjectRow.ofAnyCustomer(project, customer)))
			.toList();
	}

}
