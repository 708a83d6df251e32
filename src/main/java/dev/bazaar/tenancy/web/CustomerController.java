package dev.bazaar.tenancy.web;

import dev.bazaar.shared.web.Forms;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.Customer;
import dev.bazaar.tenancy.TenancyManagement;
import dev.bazaar.tenancy.TenantAccess;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner admin's customer pages: the list, one customer with its users and projects.
 */
@PageController
class CustomerController {

	private final TenancyManagement tenancy;

	private final TenantAccess access;

	CustomerController(TenancyManagement tenancy, TenantAccess access) {
		this.tenancy = tenancy;
		this.access = access;
	}

	@GetMapping("/customers")
	String customers(@ModelAttribute("customerForm") IdentifiedForm form, Model model) {
		this.access.requirePartnerAdmin();
		model.addAttribute("customers", this.tenancy.customers());
		return "tenancy/customers";
	}

	@PostMapping("/customers")
	String create(@ModelAttribute("customerForm") IdentifiedForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return Forms.submit(result, () -> this.tenancy.createCustomer(form.toCustomer())).map((customer) -> {
			redirect.addFlashAttribute("flash", "Customer '" + customer.displayName() + "' created.");
			return "redirect:/customers/" + customer.identifier();
		}).orElseGet(() -> customers(form, model));
	}

	@GetMapping("/customers/{customer}")
	String customer(@PathVariable String customer, @ModelAttribute("userForm") UserForm form, Model model) {
		this.access.requirePartnerAdmin();
		Customer found = this.tenancy.customer(customer);
		model.addAttribute("customer", found);
		model.addAttribute("users", this.tenancy.users(customer));
		model.addAttribute("projects", this.tenancy.projects(customer));
		model.addAttribute("roles", UserForm.ROLES);
		return "tenancy/customer";
	}

	@PostMapping("/customers/{customer}/users")
	String createUser(@PathVariable String customer, @ModelAttribute("userForm") UserForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		this.access.requirePartnerAdmin();
		return Forms.submit(result, () -> this.tenancy.createUser(customer, form.toCommand())).map((user) -> {
			redirect.addFlashAttribute("flash", "User '" + user.username() + "' created.");
			return "redirect:/customers/" + customer;
		}).orElseGet(() -> customer(customer, form, model));
	}

}
