package org.beacon.tips.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.beacon.agency.Agencies;
import org.beacon.tips.TipCategory;
import org.beacon.tips.internal.RejectedImage;
import org.beacon.tips.internal.TipService;
import org.beacon.tips.internal.TipSubmission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The tip form for residents. The answer to a successful POST is the receipt page itself, not a redirect:
 * a redirect would need a session to carry the receipt, and this path keeps none.
 */
@Controller
class TipFormController {

	private final TipService tips;
	private final Agencies agencies;

	TipFormController(TipService tips, Agencies agencies) {
		this.tips = tips;
		this.agencies = agencies;
	}

	@GetMapping({ "/tips", "/tips/" })
	String index() {
		return "tips/index";
	}

	@GetMapping("/tips/new")
	String form(Model model) {
		model.addAttribute("categories", TipCategory.values());
		model.addAttribute("errors", Map.of());
		return "tips/new";
	}

	@PostMapping("/tips/new")
	String submit(@RequestParam(required = false) String category, @RequestParam(required = false) String description,
			@RequestParam(required = false) String location, @RequestParam(required = false) String occurred,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> attachments, Model model,
			HttpServletResponse response) throws IOException {
		try {
			TipSubmission tip = TipSubmission.of(category, description, location, null, null, occurred);
			TipService.Accepted accepted = tips.submit(agencies.defaultAgency().id(), tip, uploads(attachments));
			ReceiptView.addTo(model, accepted.receipt(), accepted.holdReason().orElse(null));
			return "tips/receipt";
		}
		catch (TipSubmission.InvalidTip invalid) {
			return again(model, response, invalid.errors(), category, description, location, occurred);
		}
		catch (RejectedImage rejected) {
			return again(model, response, Map.of("attachments", rejected.getMessage()), category, description, location,
					occurred);
		}
	}

	private String again(Model model, HttpServletResponse response, Map<String, String> errors, String category,
			String description, String location, String occurred) {
		response.setStatus(400);
		model.addAttribute("categories", TipCategory.values());
		model.addAttribute("errors", errors);
		model.addAttribute("category", category);
		model.addAttribute("description", description);
		model.addAttribute("location", location);
		model.addAttribute("occurred", occurred);
		return "tips/new";
	}

	private static List<TipService.Upload> uploads(List<MultipartFile> files) throws IOException {
		List<TipService.Upload> uploads = new ArrayList<>();
		if (files == null) {
			return uploads;
		}
		int n = 0;
		for (MultipartFile file : files) {
			if (file != null && !file.isEmpty()) {
				uploads.add(new TipService.Upload("image " + ++n, file.getBytes()));
			}
		}
		return uploads;
	}
}
