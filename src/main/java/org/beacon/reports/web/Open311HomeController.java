package org.beacon.reports.web;

import org.beacon.reports.ServiceCatalogue;
import org.beacon.reports.internal.Jurisdictions;
import org.beacon.reports.internal.Open311Exception;
import org.beacon.reports.internal.Open311Properties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The human-readable discovery page the spec recommends at the bare discovery URL and the v2 root. */
@Controller
class Open311HomeController {

	private final Jurisdictions jurisdictions;
	private final ServiceCatalogue catalogue;
	private final Open311Properties properties;

	Open311HomeController(Jurisdictions jurisdictions, ServiceCatalogue catalogue, Open311Properties properties) {
		this.jurisdictions = jurisdictions;
		this.catalogue = catalogue;
		this.properties = properties;
	}

	@GetMapping({ "/open311", "/open311/", "/open311/discovery", "/open311/v2", "/open311/v2/" })
	String home(@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId, Model model) {
		try {
			var agency = jurisdictions.resolve(jurisdictionId);
			model.addAttribute("agency", agency);
			model.addAttribute("services", catalogue.services(agency.id()));
			model.addAttribute("properties", properties);
			model.addAttribute("query", jurisdictionId == null || jurisdictionId.isBlank() ? "" : "?jurisdiction_id=" + agency.code());
			return "open311/index";
		}
		catch (Open311Exception e) {
			throw new ResponseStatusException(HttpStatus.valueOf(e.status()), e.getMessage());
		}
	}
}
