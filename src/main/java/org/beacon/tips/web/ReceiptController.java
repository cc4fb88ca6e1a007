package org.beacon.tips.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.beacon.tips.DialogueMessage;
import org.beacon.tips.ReceiptStatusSource;
import org.beacon.tips.ReceiptSubject;
import org.beacon.tips.internal.ReceiptService;
import org.beacon.tips.internal.ReceiptService.Access;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The receipt dialogue: number and passphrase in, staff questions and the resident's answers out. Both
 * travel only in POST bodies, never in a URL. The page shows the dialogue and, for a report, its public
 * status; nothing else about a tip.
 */
@Controller
class ReceiptController {

	private final ReceiptService receipts;
	private final ObjectProvider<ReceiptStatusSource> statusSources;

	ReceiptController(ReceiptService receipts, ObjectProvider<ReceiptStatusSource> statusSources) {
		this.receipts = receipts;
		this.statusSources = statusSources;
	}

	@GetMapping("/tips/receipt")
	String form() {
		return "tips/receipt-form";
	}

	@PostMapping("/tips/receipt")
	String open(@RequestParam(required = false) String code, @RequestParam(required = false) String passphrase,
			Model model, HttpServletResponse response) {
		Access access = receipts.open(code, passphrase);
		if (access.result() != Access.Result.OPEN) {
			return refused(access, model, response);
		}
		return dialogue(access, code, passphrase, null, model);
	}

	@PostMapping("/tips/receipt/reply")
	String reply(@RequestParam(required = false) String code, @RequestParam(required = false) String passphrase,
			@RequestParam(required = false) String message, Model model, HttpServletResponse response) {
		Access access = receipts.open(code, passphrase);
		if (access.result() != Access.Result.OPEN) {
			return refused(access, model, response);
		}
		String error = null;
		try {
			receipts.reply(access, message);
			model.addAttribute("sent", true);
		}
		catch (IllegalArgumentException e) {
			response.setStatus(400);
			error = e.getMessage();
			model.addAttribute("draft", message);
		}
		return dialogue(access, code, passphrase, error, model);
	}

	private String dialogue(Access access, String code, String passphrase, String error, Model model) {
		List<DialogueMessage> messages = receipts.dialogue(access.receiptId());
		Optional<String> status = access.subject() == ReceiptSubject.REPORT
				? statusSources.orderedStream().map(s -> s.statusLine(access.receiptId())).flatMap(Optional::stream).findFirst()
				: Optional.empty();
		model.addAttribute("subject", access.subject() == ReceiptSubject.TIP ? "tip" : "report");
		model.addAttribute("messages", messages.stream().map(m -> new Line(
				m.sender() == DialogueMessage.Sender.STAFF ? "Staff" : "You", m.body(), ReceiptView.DAY.format(m.at()))).toList());
		model.addAttribute("status", status.orElse(null));
		model.addAttribute("expires", ReceiptView.DAY.format(access.expiresAt()));
		model.addAttribute("code", code);
		model.addAttribute("passphrase", passphrase);
		model.addAttribute("error", error);
		model.addAttribute("maxMessage", ReceiptService.MAX_MESSAGE);
		return "tips/dialogue";
	}

	/** One message as the resident sees it: no staff names, dates to the day. */
	record Line(String who, String body, String date) {
	}

	private static String refused(Access access, Model model, HttpServletResponse response) {
		if (access.result() == Access.Result.EXPIRED) {
			response.setStatus(410);
			model.addAttribute("error", "This receipt's dialogue has ended. If you have something new to tell us, "
					+ "please send a new tip.");
		}
		else {
			response.setStatus(403);
			model.addAttribute("error", "That receipt number and passphrase do not match. Check them and try again.");
		}
		return "tips/receipt-form";
	}
}
