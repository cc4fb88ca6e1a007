package org.beacon.reports.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.beacon.agency.Agency;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.disclosure.ReportUpdate;
import org.beacon.reports.ReportService;
import org.beacon.reports.ServiceCatalogue;
import org.beacon.reports.internal.Jurisdictions;
import org.beacon.reports.internal.Open311Queries;
import org.beacon.reports.internal.ReportPhotos;
import org.beacon.reports.internal.RequestState;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.reports.internal.ServiceRequestService.Submitted;
import org.beacon.reports.internal.StoredRequest;
import org.beacon.tips.CleanedPhoto;
import org.beacon.tips.PhotoCleaning;
import org.beacon.tips.RejectedPhoto;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Residents file and follow reports on the web at {@code /report}: choose a category from the public catalogue
 * (private ones are offered and labelled), place the point on a map or type an address, say what happened. The
 * report goes through the same {@link ServiceRequestService} as an Open311 POST (channel {@code web}, no API key)
 * and an anonymous reporter gets the same receipt. The follow page shows what Open311 GET shows, through
 * {@link PublicDisclosure}, plus the promised date and whether it has passed. An optional photo is cleaned by the
 * tips module's {@link PhotoCleaning} (metadata gone, turned upright) and kept for staff only, with the original
 * sealed; a refused photo stores nothing and the form comes back with its text and the reason beside the field.
 */
@Controller
@RequestMapping("/report")
class ResidentReportController {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);
	static final DateTimeFormatter RECEIPT_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
			.withZone(java.time.ZoneOffset.UTC);

	private final Jurisdictions jurisdictions;
	private final ServiceCatalogue catalogue;
	private final ServiceRequestService requests;
	private final ServiceRequestRepository repository;
	private final Open311Queries queries;
	private final PublicDisclosure disclosure;
	private final PhotoCleaning photoCleaning;
	private final ReportPhotos photos;
	private final String tileUrl;

	ResidentReportController(Jurisdictions jurisdictions, ServiceCatalogue catalogue, ServiceRequestService requests,
			ServiceRequestRepository repository, Open311Queries queries, PublicDisclosure disclosure,
			PhotoCleaning photoCleaning, ReportPhotos photos, Environment environment) {
		this.jurisdictions = jurisdictions;
		this.catalogue = catalogue;
		this.requests = requests;
		this.repository = repository;
		this.queries = queries;
		this.disclosure = disclosure;
		this.photoCleaning = photoCleaning;
		this.photos = photos;
		String url = environment.getProperty("beacon.map.tile-url", "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
		this.tileUrl = url.trim();
	}

	/** Step one lists the categories; with {@code service} chosen, the form for that category. */
	@GetMapping
	String form(@RequestParam(required = false) String service, Model model) {
		Agency agency = jurisdictions.resolve(null);
		Optional<ReportService> chosen = service == null ? Optional.empty() : catalogue.service(agency.id(), service);
		if (chosen.isEmpty()) {
			model.addAttribute("services", catalogue.services(agency.id()));
			model.addAttribute("error", service == null ? null : "service: choose one of the categories below");
			return "report/choose";
		}
		return showForm(model, agency, chosen.get(), new ResidentReportForm(Map.of()), Map.of());
	}

	@PostMapping
	String submit(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(name = "photo", required = false) MultipartFile photo, Model model) throws IOException {
		Agency agency = jurisdictions.resolve(null);
		ResidentReportForm form = new ResidentReportForm(request.getParameterMap());
		String code = form.value("service");
		Optional<ReportService> service = code == null ? Optional.empty() : catalogue.service(agency.id(), code);
		if (service.isEmpty()) {
			response.setStatus(400);
			model.addAttribute("services", catalogue.services(agency.id()));
			model.addAttribute("error", "service: choose one of the categories below");
			return "report/choose";
		}
		ResidentReportForm.Result result = form.parse(agency.id(), service.get());
		Map<String, String> errors = new LinkedHashMap<>(result.errors());
		byte[] original = photo == null || photo.isEmpty() ? null : photo.getBytes();
		CleanedPhoto cleaned = null;
		if (original != null) {
			try {
				cleaned = photoCleaning.clean("photo", original);
			}
			catch (RejectedPhoto rejected) {
				errors.put("photo", rejected.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return showForm(model, agency, service.get(), form, errors);
		}
		Submitted submitted = photos.submit(result.request(), true, cleaned, original);
		StoredRequest r = submitted.request();
		model.addAttribute("id", r.publicId());
		model.addAttribute("service", service.get());
		model.addAttribute("notice", service.get().serviceNotice());
		model.addAttribute("holdReason", submitted.holdReason().orElse(null));
		model.addAttribute("expected", r.expectedAt() == null ? null : WHEN.withZone(agency.timeZone()).format(r.expectedAt()));
		submitted.receipt().ifPresent(receipt -> {
			model.addAttribute("receiptCode", receipt.code());
			model.addAttribute("receiptPassphrase", receipt.passphrase());
			model.addAttribute("receiptExpires", RECEIPT_DAY.format(receipt.expiresAt()));
		});
		return "report/submitted";
	}

	/** Looks a report up by the id the resident typed. */
	@GetMapping("/follow")
	String lookup(@RequestParam(required = false) String id, Model model) {
		if (id == null || id.isBlank()) {
			return "report/lookup";
		}
		return "redirect:/report/" + URLEncoder.encode(id.trim(), StandardCharsets.UTF_8);
	}

	@GetMapping("/{id}")
	String follow(@PathVariable String id, HttpServletResponse response, Model model) {
		Agency agency = jurisdictions.resolve(null);
		Optional<StoredRequest> found = repository.byPublicId(agency.id(), id);
		var shown = found.flatMap(r -> disclosure.disclose(Open311Requests.facts(r)).map(p -> Map.entry(r, p)));
		if (shown.isEmpty()) {
			// a private category or a rejected report does not exist for the public, exactly as in Open311
			response.setStatus(404);
			model.addAttribute("notFound", id);
			return "report/lookup";
		}
		StoredRequest r = shown.get().getKey();
		var p = shown.get().getValue();
		Instant now = requests.now();
		DateTimeFormatter when = WHEN.withZone(agency.timeZone());
		List<FollowUpdate> updates = repository.updates(r.id()).stream()
				.flatMap(u -> disclosure.disclose(new ReportUpdate(u.privateCategory(), u.requestRejected(), u.publicUpdate(),
						u.body())).map(text -> new FollowUpdate(when.format(u.at()), text.text())).stream())
				.toList();
		String status = r.state() == RequestState.CLOSED && r.outcome() != null ? r.outcome().label() : r.state().label();
		model.addAttribute("r", new Follow(r.publicId(), r.serviceName(), status, r.state().isOpen(),
				queries.statusNotes(r).orElse(null), when.format(r.requestedAt()),
				r.expectedAt() == null ? null : when.format(r.expectedAt()), r.overdue(now), p.address(), p.lat(), p.lon(),
				p.description()));
		model.addAttribute("updates", updates);
		return "report/follow";
	}

	private String showForm(Model model, Agency agency, ReportService service, ResidentReportForm form,
			Map<String, String> errors) {
		model.addAttribute("service", service);
		model.addAttribute("questions", service.attributes().stream().filter(a -> a.variable()).toList());
		model.addAttribute("values", form.values());
		model.addAttribute("errors", errors);
		model.addAttribute("tileUrl", tileUrl);
		return "report/form";
	}

	/** A public update as the follow page lists it. */
	record FollowUpdate(String when, String text) {
	}

	/** What the follow page shows: only values Open311 GET would show, plus the overdue flag. */
	record Follow(String id, String service, String status, boolean open, String statusNotes, String requested,
			String expected, boolean overdue, String address, Double lat, Double lon, String description) {
	}
}
