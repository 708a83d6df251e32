package dev.bazaar.marketplace.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.bazaar.marketplace.MarketplaceOffering;
import dev.bazaar.marketplace.Marketplaces;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.CurrentUser;
import dev.bazaar.tenancy.Marketplace;
import dev.bazaar.tenancy.Project;
import dev.bazaar.tenancy.TenancyManagement;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The services of every marketplace a project added, for the members of its customer, and
 * one service with its plans.
 */
@PageController
class MarketplaceController {

	private final TenancyManagement tenancy;

	private final Marketplaces marketplaces;

	MarketplaceController(TenancyManagement tenancy, Marketplaces marketplaces) {
		this.tenancy = tenancy;
		this.marketplaces = marketplaces;
	}

	@GetMapping("/projects/{project}/marketplace")
	String marketplace(@PathVariable String project, Model model) {
		List<MarketplaceOffering> offerings = this.marketplaces.offerings(projectOf(project, model));
		model.addAttribute("offerings", offerings);
		return "marketplace/marketplace";
	}

	@GetMapping("/projects/{project}/marketplace/{marketplace}/{broker}/{service}")
	String service(@PathVariable String project, @PathVariable String marketplace, @PathVariable String broker,
			@PathVariable String service, Model model) {
		MarketplaceOffering offering = this.marketplaces.offerings(projectOf(project, model))
			.stream()
			.filter((candidate) -> candidate.marketplace().equals(marketplace)
					&& candidate.brokerIdentifier().equals(broker) && candidate.service().id().equals(service))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFound("The project's marketplaces offer no such service"));
		model.addAttribute("offering", offering);
		return "marketplace/service";
	}

	private Project projectOf(String projectIdentifier, Model model) {
		String customer = CurrentUser.get().customerIdentifier();
		if (customer == null) {
			throw new AccessDeniedException("The marketplace is for a customer's users");
		}
		Project project = this.tenancy.project(customer, projectIdentifier);
		Map<String, String> names = this.tenancy.marketplaces(customer, projectIdentifier)
			.stream()
			.collect(Collectors.toMap(Marketplace::identifier, Marketplace::displayName, (a, b) -> a));
		model.addAttribute("project", project);
		model.addAttribute("marketplaceNames", names);
		model.addAttribute("marketplacesAdded", !names.isEmpty());
		return project;
	}

}
