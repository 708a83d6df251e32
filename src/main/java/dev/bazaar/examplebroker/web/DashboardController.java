package dev.bazaar.examplebroker.web;

import dev.bazaar.examplebroker.internal.BrokerRefusal;
import dev.bazaar.examplebroker.internal.ExampleCatalog;
import dev.bazaar.examplebroker.internal.ExampleInstance;
import dev.bazaar.examplebroker.internal.ExampleInstances;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/**
 * The dashboard page an instance's {@code dashboard_url} leads to: open to anyone who has
 * the link, so it shows the instance's plan but none of its parameters or credentials.
 */
@Controller
@ConditionalOnProperty(name = "bazaar.example-broker.enabled", havingValue = "true")
class DashboardController {

	private final ExampleInstances instances;

	private final ExampleCatalog catalog;

	DashboardController(ExampleInstances instances, ExampleCatalog catalog) {
		this.instances = instances;
		this.catalog = catalog;
	}

	@GetMapping("/example-broker/dashboard/{instanceId}")
	ResponseEntity<String> dashboard(@PathVariable String instanceId) {
		ExampleInstance instance = this.instances.fetch(instanceId);
		String plan = this.catalog.nameOf(instance.serviceId(), instance.planId());
		return page(200, "Instance " + instanceId,
				"Plan: " + plan + ". This is a pretend service of Bazaar's example broker.");
	}

	@ExceptionHandler(BrokerRefusal.class)
	ResponseEntity<String> notReady(BrokerRefusal ex) {
		return page(404, "No such instance", "The instance does not exist, or it is still being provisioned.");
	}

	private static ResponseEntity<String> page(int status, String title, String text) {
		String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
				+ HtmlUtils.htmlEscape(title) + "</title></head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
				+ HtmlUtils.htmlEscape(text) + "</p></body></html>";
		return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
	}

}
