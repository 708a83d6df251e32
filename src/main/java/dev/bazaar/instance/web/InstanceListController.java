package dev.bazaar.instance.web;

import dev.bazaar.instance.InstanceManagement;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.Project;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The instances of a project, and for customer admins the failed instances of their
 * brokers, whoever consumes them.
 */
@PageController
class InstanceListController {

	private final InstancePages pages;

	private final InstanceManagement instances;

	InstanceListController(InstancePages pages, InstanceManagement instances) {
		this.pages = pages;
		this.instances = instances;
	}

	@GetMapping("/projects/{project}/instances")
	String instances(@PathVariable String project, Model model) {
		Project found = this.pages.project(project);
		model.addAttribute("project", found);
		model.addAttribute("rows",
				this.instances.instances(WebUser.customer(), project).stream().map(this.instances::describe).toList());
		return "instance/instances";
	}

	@GetMapping("/failed-instances")
	String failed(Model model) {
		model.addAttribute("failed", this.instances.failedInstances(WebUser.customer()));
		return "instance/failed";
	}

}
