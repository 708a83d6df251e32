package dev.bazaar.tenancy.web;

import dev.bazaar.shared.web.PageController;

import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the home page that sends each role to where its work is. */
@PageController
class HomeController {

	@GetMapping("/")
	String home() {
		return OwnCustomer.isPartnerAdmin() ? "redirect:/customers" : "redirect:/projects";
	}

	@GetMapping("/login")
	String login() {
		return "tenancy/login";
	}

}
