package dev.bazaar.tenancy.web;

import dev.bazaar.shared.web.Forms;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.TenancyManagement;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customer admin's page of its customer's users. */
@PageController
class UserController {

	private final TenancyManagement tenancy;

	UserController(TenancyManagement tenancy) {
		this.tenancy = tenancy;
	}

	@GetMapping("/users")
	String users(@ModelAttribute("userForm") UserForm form, Model model) {
		String customer = OwnCustomer.identifier();
		model.addAttribute("users", this.tenancy.users(customer));
		model.addAttribute("customer", this.tenancy.customer(customer));
		model.addAttribute("roles", UserForm.ROLES);
		return "tenancy/users";
	}

	@PostMapping("/users")
	String create(@ModelAttribute("userForm") UserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		String customer = OwnCustomer.identifier();
		return Forms.submit(result, () -> this.tenancy.createUser(customer, form.toCommand())).map((user) -> {
			redirect.addFlashAttribute("flash", "User '" + user.username() + "' created.");
			return "redirect:/users";
		}).orElseGet(() -> users(form, model));
	}

}
