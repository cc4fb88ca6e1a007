package org.beacon.staffweb.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.identity.SignedInStaff;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentQueries;
import org.beacon.incidents.IncidentRow;
import org.beacon.staffweb.internal.CategoryChoice;
import org.beacon.staffweb.internal.ImportJob;
import org.beacon.staffweb.internal.ImportJobs;
import org.beacon.staffweb.internal.IncidentSelection;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff home page: filters, the neighbourhood map, the monthly chart (both drawn by {@code home.js} from
 * the JSON endpoints) and the incident table, which is the page's non-map alternative and works without
 * scripts.
 */
@Controller
class HomeController {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Agencies agencies;
	private final Selections selections;
	private final IncidentQueries queries;
	private final ImportJobs jobs;
	private final MapProperties map;

	HomeController(Agencies agencies, Selections selections, IncidentQueries queries, ImportJobs jobs,
			MapProperties map) {
		this.agencies = agencies;
		this.selections = selections;
		this.queries = queries;
		this.jobs = jobs;
		this.map = map;
	}

	/** The signed-in staff member's agency: what they see and where their uploads go. */
	private Agency ownAgency() {
		return agencies.get(SignedInStaff.agency());
	}

	/** One row of the table as shown: local time, category label and the record's own words. */
	public record TableRow(String occurred, String category, String description, String address, String neighbourhood) {
	}

	/** A page of the table; {@code query} is the selection's query string for links. */
	public record TablePage(List<TableRow> rows, long total, int page, int pages, String query) {

		public boolean hasPrevious() {
			return page > 1;
		}

		public boolean hasNext() {
			return page < pages;
		}
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category, @RequestParam(defaultValue = "1") int page,
			Model model) {
		Agency agency = ownAgency();
		IncidentSelection selection = selections.resolve(agency, from, to, category);
		model.addAttribute("agency", agency);
		model.addAttribute("selection", selection);
		model.addAttribute("query", selection.queryString());
		model.addAttribute("partOne", CategoryChoice.ofPart(1));
		model.addAttribute("partTwo", CategoryChoice.ofPart(2));
		model.addAttribute("tileUrl", map.tileUrl());
		model.addAttribute("tileAttribution", map.tileAttribution());
		model.addAttribute("table", table(agency, selection, page));
		demoLoading().ifPresent(job -> model.addAttribute("demo", job));
		return "home";
	}

	/** The table alone, for paging without reloading the map. */
	@GetMapping("/incidents/table")
	String table(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category, @RequestParam(defaultValue = "1") int page,
			Model model) {
		Agency agency = ownAgency();
		model.addAttribute("table", table(agency, selections.resolve(agency, from, to, category), page));
		return "home :: incidents-table";
	}

	/**
	 * While the demo sample loads, the notice polls here; once it is done the page reloads itself
	 * ({@code HX-Refresh}) so the map shows the sample.
	 */
	@GetMapping("/demo/status")
	Object demoStatus(Model model) {
		Optional<ImportJob> job = demoLoading();
		if (job.isEmpty()) {
			return ResponseEntity.noContent().header("HX-Refresh", "true").build();
		}
		model.addAttribute("demo", job.get());
		return "home :: demo-status";
	}

	private Optional<ImportJob> demoLoading() {
		return jobs.find(ownAgency().id(), ImportJob.DEMO)
				.filter(job -> !job.finished() && !job.stalled(jobs.now()));
	}

	private TablePage table(Agency agency, IncidentSelection selection, int requestedPage) {
		IncidentFilter filter = selection.filter(agency.id());
		long total = queries.count(filter);
		int pages = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		int page = Math.max(1, Math.min(requestedPage, pages));
		ZoneId zone = agency.timeZone();
		List<TableRow> rows = queries.page(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE).stream()
				.map(row -> shown(row, zone)).toList();
		return new TablePage(rows, total, page, pages, selection.queryString());
	}

	private static TableRow shown(IncidentRow row, ZoneId zone) {
		return new TableRow(row.occurredAt() == null ? "" : SHOWN.format(row.occurredAt().atZone(zone)),
				row.category() == null ? "" : row.category().label(), row.description(), row.blockAddress(),
				row.neighbourhoodName() == null ? "" : row.neighbourhoodName());
	}
}
