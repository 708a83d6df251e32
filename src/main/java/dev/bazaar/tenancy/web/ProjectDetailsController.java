package dev.bazaar.tenancy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.web.Forms;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.Customer;
import dev.bazaar.tenancy.Marketplace;
import dev.bazaar.tenancy.Project;
import dev.bazaar.tenancy.TenancyManagement;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One project and its marketplaces; its customer admins add marketplaces. Partner admins
 * reach it through its customer's address.
 */
@PageController
class ProjectDetailsController {

	private final TenancyManagement tenancy;

	ProjectDetailsController(TenancyManagement tenancy) {
		this.tenancy = tenancy;
	}

	@GetMapping("/projects/{project}")
	String ownProject(@PathVariable String project, @ModelAttribute("marketplaceForm") MarketplaceForm form,
			Model model) {
		return project(OwnCustomer.identifier(), project, model);
	}

	@GetMapping("/customers/{customer}/projects/{project}")
	String anyProject(@PathVariable String customer, @PathVariable String project,
			@ModelAttribute("marketplaceForm") MarketplaceForm form, Model model) {
		return project(customer, project, model);
	}

	@PostMapping("/projects/{project}/marketplaces")
	String addMarketplace(@PathVariable String project, @ModelAttribute("marketplaceForm") MarketplaceForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		String customer = OwnCustomer.identifier();
		this.tenancy.project(customer, project);
		boolean added;
		try {
			added = Forms.run(result, () -> this.tenancy.addMarketplace(customer, project, form.getMarketplace()));
		}
		catch (ResourceNotFound ex) {
			result.rejectValue("marketplace", "unknown", "Choose one of the marketplaces offered here");
			added = false;
		}
		if (!added) {
			return project(customer, project, model);
		}
		redirect.addFlashAttribute("flash", "Marketplace '" + form.getMarketplace() + "' added.");
		return "redirect:/projects/" + project;
	}

	private String project(String customerIdentifier, String projectIdentifier, Model model) {
		Customer customer = this.tenancy.customer(customerIdentifier);
		Project project = this.tenancy.project(customerIdentifier, projectIdentifier);
		List<Marketplace> marketplaces = this.tenancy.marketplaces(customerIdentifier, projectIdentifier);
		model.addAttribute("customer", customer);
		model.addAttribute("project", project);
		model.addAttribute("marketplaces", marketplaces);
		model.addAttribute("addable", addable(customer, marketplaces));
		return "tenancy/project";
	}

	private List<Marketplace> addable(Customer customer, List<Marketplace> added) {
		Set<String> present = added.stream().map(Marketplace::identifier).collect(Collectors.toSet());
		List<Marketplace> offered = new ArrayList<>();
		if (customer.privateMarketplace()) {
			offered.add(new Marketplace(Marketplace.PRIVATE, customer.displayName() + " (private)",
					Marketplace.Type.PRIVATE));
		}
		this.tenancy.locations()
			.forEach((location) -> offered
				.add(new Marketplace(location.identifier(), location.displayName(), Marketplace.Type.LOCATION)));
		return offered.stream().filter((marketplace) -> !present.contains(marketplace.identifier())).toList();
	}

}
