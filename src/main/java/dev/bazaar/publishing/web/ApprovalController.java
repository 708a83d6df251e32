package dev.bazaar.publishing.web;

import java.util.List;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.publishing.Publication;
import dev.bazaar.publishing.PublishingManagement;
import dev.bazaar.shared.StateConflict;
import dev.bazaar.shared.web.Forms;
import dev.bazaar.shared.web.PageController;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner admin's queue of publications waiting for approval, of every customer. */
@PageController
class ApprovalController {

	private final PublishingManagement publishing;

	private final BrokerManagement brokers;

	ApprovalController(PublishingManagement publishing, BrokerManagement brokers) {
		this.publishing = publishing;
		this.brokers = brokers;
	}

	@GetMapping("/approvals")
	String approvals(Model model) {
		List<Approval> approvals = this.publishing.pending().stream().map(this::approval).toList();
		model.addAttribute("approvals", approvals);
		if (!model.containsAttribute("rejectForm")) {
			model.addAttribute("rejectForm", new RejectForm());
		}
		return "publishing/approvals";
	}

	@PostMapping("/approvals/{broker}/{location}/approve")
	String approve(@PathVariable String broker, @PathVariable String location, RedirectAttributes redirect) {
		try {
			this.publishing.approve(broker, location);
			redirect.addFlashAttribute("flash", "Approved: the services of '" + broker
					+ "' are now in the marketplace of location '" + location + "'.");
		}
		catch (StateConflict ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/approvals";
	}

	@PostMapping("/approvals/{broker}/{location}/reject")
	ModelAndView reject(@PathVariable String broker, @PathVariable String location,
			@ModelAttribute("rejectForm") RejectForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (Forms.run(result, () -> this.publishing.reject(broker, location, form.toCommand()))) {
			redirect.addFlashAttribute("flash", "Rejected the publication of '" + broker + "' to location '" + location
					+ "'; its owner sees your comment.");
			return new ModelAndView("redirect:/approvals");
		}
		// The form's error belongs to this one publication of the queue.
		model.addAttribute("rejecting", broker + "/" + location);
		model.addAttribute("rejectError", message(result));
		return new ModelAndView(approvals(model), model.asMap(), HttpStatus.UNPROCESSABLE_CONTENT);
	}

	private static String message(BindingResult result) {
		FieldError comment = result.getFieldError("comment");
		if (comment != null) {
			return "The comment " + comment.getDefaultMessage();
		}
		ObjectError error = result.getGlobalError();
		return (error != null) ? String.valueOf(error.getDefaultMessage()) : "The publication could not be rejected";
	}

	private Approval approval(Publication publication) {
		ServiceBroker broker = this.brokers.findById(publication.brokerId()).orElseThrow();
		return new Approval(publication, broker, this.brokers.ownerIdentifier(broker),
				this.publishing.catalog(publication));
	}

}
