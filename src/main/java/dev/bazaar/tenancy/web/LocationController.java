package dev.bazaar.tenancy.web;

import dev.bazaar.shared.web.Forms;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.TenancyManagement;
import dev.bazaar.tenancy.TenantAccess;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The locations: everyone sees them, partner admins create them. */
@PageController
class LocationController {

	private final TenancyManagement tenancy;

	private final TenantAccess access;

	LocationController(TenancyManagement tenancy, TenantAccess access) {
		this.tenancy = tenancy;
		this.access = access;
	}

	@GetMapping("/locations")
	String locations(@ModelAttribute("locationForm") IdentifiedForm form, Model model) {
		model.addAttribute("locations", this.tenancy.locations());
		return "tenancy/locations";
	}

	@PostMapping("/locations")
	String create(@ModelAttribute("locationForm") IdentifiedForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.access.requirePartnerAdmin();
		return Forms.submit(result, () -> this.tenancy.createLocation(form.toLocation())).map((location) -> {
			redirect.addFlashAttribute("flash", "Location '" + location.displayName() + "' created.");
			return "redirect:/locations";
		}).orElseGet(() -> locations(form, model));
	}

}
