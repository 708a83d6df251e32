package dev.bazaar.publishing.web;

import java.util.Optional;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.CatalogUnavailable;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.publishing.Publication;
import dev.bazaar.publishing.PublishingManagement;
import dev.bazaar.shared.StateConflict;
import dev.bazaar.shared.web.Forms;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.TenancyManagement;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's side of publishing: the publish form, and revoking and refreshing a
 * publication from the broker's page.
 */
@PageController
class PublicationController {

	private final PublishingManagement publishing;

	private final BrokerManagement brokers;

	private final TenancyManagement tenancy;

	PublicationController(PublishingManagement publishing, BrokerManagement brokers, TenancyManagement tenancy) {
		this.publishing = publishing;
		this.brokers = brokers;
		this.tenancy = tenancy;
	}

	@GetMapping("/service-brokers/{broker}/publications/new")
	String publishing(@PathVariable String broker, @ModelAttribute("publishForm") PublishForm form, Model model) {
		model.addAttribute("broker", this.brokers.ownBroker(broker));
		model.addAttribute("locations", this.tenancy.locations());
		return "publishing/publish";
	}

	@PostMapping("/service-brokers/{broker}/publications")
	ModelAndView publish(@PathVariable String broker, @ModelAttribute("publishForm") PublishForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Optional<Publication> published = Forms.submit(result, () -> {
			try {
				return Optional.of(this.publishing.publish(broker, form.toCommand()));
			}
			catch (CatalogUnavailable ex) {
				model.addAttribute("catalogFailure", CatalogFailure.of(ex));
				return Optional.<Publication>empty();
			}
		}).flatMap((publication) -> publication);
		if (published.isEmpty()) {
			return new ModelAndView(publishing(broker, form, model), model.asMap(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		redirect.addFlashAttribute("flash", "Published to location '" + published.get().location()
				+ "'; its catalog was fetched. It waits for a partner admin's approval.");
		return new ModelAndView(brokerPage(broker));
	}

	@PostMapping("/service-brokers/{broker}/publications/{location}/revoke")
	String revoke(@PathVariable String broker, @PathVariable String location, RedirectAttributes redirect) {
		try {
			this.publishing.revoke(broker, location);
			redirect.addFlashAttribute("flash", "The publication to location '" + location + "' was revoked.");
		}
		catch (StateConflict ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return brokerPage(broker);
	}

	@PostMapping("/service-brokers/{broker}/publications/{location}/catalog/refresh")
	String refresh(@PathVariable String broker, @PathVariable String location, RedirectAttributes redirect) {
		try {
			this.publishing.refreshCatalog(broker, location);
			redirect.addFlashAttribute("flash", "The catalog of location '" + location + "' was refreshed.");
		}
		catch (CatalogUnavailable ex) {
			CatalogFailure failure = CatalogFailure.of(ex);
			redirect.addFlashAttribute("flashError", "The catalog of location '" + location
					+ "' could not be refreshed; the last good catalog stays in use. " + failure.summary());
			redirect.addFlashAttribute("refreshErrors", failure.errors());
		}
		return brokerPage(broker);
	}

	private static String brokerPage(String broker) {
		return "redirect:/service-brokers/" + broker + "#publications";
	}

}
