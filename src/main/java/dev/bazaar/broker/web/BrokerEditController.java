package dev.bazaar.broker.web;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.CurrentUser;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Edits a registration; a new endpoint or new credentials are tried against the broker
 * before they are saved.
 */
@PageController
class BrokerEditController {

	private final BrokerManagement brokers;

	BrokerEditController(BrokerManagement brokers) {
		this.brokers = brokers;
	}

	@GetMapping("/service-brokers/{identifier}/edit")
	String edit(@PathVariable String identifier, Model model) {
		ServiceBroker broker = ownedBroker(identifier);
		model.addAttribute("broker", broker);
		model.addAttribute("brokerForm", EditBrokerForm.of(broker));
		return "broker/edit";
	}

	@PostMapping("/service-brokers/{identifier}/edit")
	String update(@PathVariable String identifier, @ModelAttribute("brokerForm") EditBrokerForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		ServiceBroker broker = ownedBroker(identifier);
		return BrokerForms.submit(result, model, () -> this.brokers.update(identifier, form.toCommand()))
			.map((changed) -> {
				redirect.addFlashAttribute("flash", "Service broker '" + changed.name() + "' saved.");
				return "redirect:/service-brokers/" + changed.identifier();
			})
			.orElseGet(() -> {
				model.addAttribute("broker", broker);
				return "broker/edit";
			});
	}

	private ServiceBroker ownedBroker(String identifier) {
		ServiceBroker broker = this.brokers.broker(identifier);
		if (CurrentUser.get().isPartnerAdmin()) {
			throw new AccessDeniedException("Only the owner's customer administrators edit a broker");
		}
		return broker;
	}

}
