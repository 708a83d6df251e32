package dev.bazaar.broker.web;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.CatalogUnavailable;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.shared.web.Forms;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.CurrentUser;

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
 * One broker's page: details, publications, catalog, changes, refresh, deletion and
 * deactivation.
 */
@PageController
class BrokerController {

	private final BrokerManagement brokers;

	BrokerController(BrokerManagement brokers) {
		this.brokers = brokers;
	}

	@GetMapping("/service-brokers/{identifier}")
	String broker(@PathVariable String identifier, Model model) {
		ServiceBroker broker = this.brokers.broker(identifier);
		model.addAttribute("row",
				new BrokerRow(broker, this.brokers.ownerIdentifier(broker), this.brokers.catalogIfAny(broker)));
		// Partner admins may look; only the owner's customer admins change anything.
		model.addAttribute("owner", !CurrentUser.get().isPartnerAdmin());
		model.addAttribute("everApproved", this.brokers.everApproved(broker));
		model.addAttribute("publications",
				this.brokers.publications(broker)
					.stream()
					.map((publication) -> new PublicationRow(publication,
							this.brokers.catalogIfAny(broker, publication.location())))
					.toList());
		addIfAbsent(model, "deleteForm", new DeleteForm());
		addIfAbsent(model, "deactivateForm", new DeactivateForm());
		return "broker/broker";
	}

	@PostMapping("/service-brokers/{identifier}/catalog/refresh")
	String refresh(@PathVariable String identifier, RedirectAttributes redirect) {
		try {
			this.brokers.refreshCatalog(identifier);
			redirect.addFlashAttribute("flash", "Catalog refreshed.");
		}
		catch (CatalogUnavailable ex) {
			CatalogFailure failure = CatalogFailure.of(ex);
			redirect.addFlashAttribute("flashError",
					"The catalog could not be refreshed; the last good catalog stays in use. " + failure.summary());
			redirect.addFlashAttribute("refreshErrors", failure.errors());
		}
		return "redirect:/service-brokers/" + identifier;
	}

	@PostMapping("/service-brokers/{identifier}/delete")
	ModelAndView delete(@PathVariable String identifier, @ModelAttribute("deleteForm") DeleteForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		ServiceBroker broker = this.brokers.broker(identifier);
		if (Forms.run(result, () -> this.brokers.delete(identifier, form.getConfirm()))) {
			redirect.addFlashAttribute("flash", "Service broker '" + broker.name() + "' deleted.");
			return new ModelAndView("redirect:/service-brokers");
		}
		return new ModelAndView(broker(identifier, model), model.asMap(), HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@PostMapping("/service-brokers/{identifier}/deactivate")
	ModelAndView deactivate(@PathVariable String identifier, @ModelAttribute("deactivateForm") DeactivateForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (Forms.run(result, () -> this.brokers.deactivate(identifier, form.getConfirm()))) {
			redirect.addFlashAttribute("flash", "Service broker deactivated: its services left every marketplace.");
			return new ModelAndView("redirect:/service-brokers/" + identifier);
		}
		return new ModelAndView(broker(identifier, model), model.asMap(), HttpStatus.UNPROCESSABLE_CONTENT);
	}

	private static void addIfAbsent(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

}
