package org.beacon.publicsafety.web;

import java.util.List;
import java.util.Set;

import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.incidents.OffenseCategory;
import org.beacon.publicsafety.AlertPlace;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.publicsafety.internal.AlertSubscriptions;
import org.beacon.publicsafety.internal.PublicIncidents;
import org.beacon.publicsafety.internal.Subscription;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Resident alerts: subscribe (a form), confirm (double opt-in: the e-mailed link shows a Confirm button, so a mail
 * scanner that follows links confirms nothing), unsubscribe (RFC 8058: POST to the List-Unsubscribe URL with
 * {@code List-Unsubscribe=One-Click} ends it at once; the link itself shows a button).
 */
@Controller
class AlertsController {

	private final AlertSubscriptions subscriptions;
	private final PublicIncidents incidents;
	private final PublicDisclosure disclosure;
	private final ObjectProvider<Geography> geography;
	/** The drawing map's base map, as on the public map ({@code beacon.map.tile-url}; empty draws no tiles). */
	private final String tileUrl;

	AlertsController(AlertSubscriptions subscriptions, PublicIncidents incidents, PublicDisclosure disclosure,
			ObjectProvider<Geography> geography, Environment environment) {
		this.subscriptions = subscriptions;
		this.incidents = incidents;
		this.disclosure = disclosure;
		this.geography = geography;
		String url = environment.getProperty("beacon.map.tile-url");
		this.tileUrl = url == null ? PublicMapController.OSM_TILES : url.trim();
	}

	@GetMapping("/public/alerts")
	String form(Model model) {
		populate(model);
		return "public/alerts/index";
	}

	@PostMapping("/public/alerts")
	String subscribe(@RequestParam(required = false) String email, @RequestParam(required = false) String webhook,
			@RequestParam(required = false) AlertPlace place, @RequestParam(required = false) Long neighbourhood,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
			@RequestParam(required = false) Double radius, @RequestParam(required = false) String polygon,
			@RequestParam(name = "category", required = false) Set<OffenseCategory> categories,
			@RequestParam(required = false) Subscription.Frequency frequency,
			@RequestParam(required = false, defaultValue = "false") boolean onlyAboveUsual, Model model,
			HttpServletResponse response) {
		try {
			subscriptions.subscribe(new AlertSubscriptions.Request(email, webhook, place, neighbourhood, lat, lon, radius,
					polygon, categories, frequency, onlyAboveUsual));
		}
		catch (IllegalArgumentException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("error", e.getMessage());
			populate(model);
			return "public/alerts/index";
		}
		return "public/alerts/pending";
	}

	@GetMapping("/public/alerts/confirm")
	String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		if (subscriptions.byConfirmToken(token).isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("message", "This confirmation link is not known. It may have been mistyped.");
			return "public/alerts/message";
		}
		model.addAttribute("token", token);
		return "public/alerts/confirm";
	}

	@PostMapping("/public/alerts/confirm")
	String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		var confirmed = subscriptions.confirm(token);
		if (confirmed.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("message", "This confirmation link is not known, or the alerts were stopped.");
			return "public/alerts/message";
		}
		model.addAttribute("subscription", confirmed.get());
		return "public/alerts/confirmed";
	}

	@GetMapping("/public/alerts/unsubscribe")
	String unsubscribePage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		if (subscriptions.byUnsubscribeToken(token).isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("message", "This link is not known. It may have been mistyped.");
			return "public/alerts/message";
		}
		model.addAttribute("token", token);
		return "public/alerts/unsubscribe";
	}

	/** RFC 8058 one-click, and the button of the unsubscribe page: the token is in the URL. */
	@PostMapping("/public/alerts/unsubscribe")
	String unsubscribe(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		if (!subscriptions.unsubscribe(token)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("message", "This link is not known. It may have been mistyped.");
			return "public/alerts/message";
		}
		model.addAttribute("message", "Your alerts have stopped and your address has been removed.");
		return "public/alerts/message";
	}

	private void populate(Model model) {
		Geography g = geography.getIfAvailable();
		List<Area> areas = g == null ? List.of() : g.areas(incidents.agency().id(), AreaKind.NEIGHBOURHOOD);
		model.addAttribute("neighbourhoods", areas);
		model.addAttribute("categories", incidents.publicCategories());
		model.addAttribute("minCount", disclosure.minCount());
		model.addAttribute("minRadius", (int) AlertSubscriptions.MIN_RADIUS_M);
		model.addAttribute("tileUrl", tileUrl);
	}
}
