package dev.bazaar.broker.web;

import java.util.List;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.BazaarUser;
import dev.bazaar.tenancy.CurrentUser;
import dev.bazaar.tenancy.TenancyManagement;
import dev.bazaar.tenancy.TenantAccess;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer admin's list of service brokers and the registration form; partner admins
 * see every customer's brokers.
 */
@PageController
class BrokerListController {

	private final BrokerManagement brokers;

	private final TenancyManagement tenancy;

	private final TenantAccess access;

	BrokerListController(BrokerManagement brokers, TenancyManagement tenancy, TenantAccess access) {
		this.brokers = brokers;
		this.tenancy = tenancy;
		this.access = access;
	}

	@GetMapping("/service-brokers")
	String brokers(Model model) {
		BazaarUser user = CurrentUser.get();
		List<BrokerRow> rows = user.isPartnerAdmin() ? allBrokers() : brokersOf(ownCustomer());
		model.addAttribute("rows", rows);
		model.addAttribute("allCustomers", user.isPartnerAdmin());
		return "broker/brokers";
	}

	@GetMapping("/service-brokers/new")
	String registration(@ModelAttribute("brokerForm") BrokerForm form) {
		this.access.customerForAdmin(ownCustomer(), false);
		return "broker/new";
	}

	@PostMapping("/service-brokers")
	String register(@ModelAttribute("brokerForm") BrokerForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		String customer = ownCustomer();
		return BrokerForms.submit(result, model, () -> this.brokers.register(customer, form.toCommand()))
			.map((broker) -> {
				redirect.addFlashAttribute("flash",
						"Service broker '" + broker.name() + "' registered; its catalog was fetched.");
				return "redirect:/service-brokers/" + broker.identifier();
			})
			.orElse("broker/new");
	}

	private List<BrokerRow> brokersOf(String customer) {
		return this.brokers.brokers(customer).stream().map((broker) -> row(broker, customer)).toList();
	}

	private List<BrokerRow> allBrokers() {
		return this.tenancy.customers()
			.stream()
			.flatMap((customer) -> brokersOf(customer.identifier()).stream())
			.toList();
	}

	private BrokerRow row(ServiceBroker broker, String customer) {
		return new BrokerRow(broker, customer, this.brokers.catalogIfAny(broker));
	}

	private static String ownCustomer() {
		String identifier = CurrentUser.get().customerIdentifier();
		if (identifier == null) {
			throw new AccessDeniedException("Only a customer's administrators register service brokers");
		}
		return identifier;
	}

}
