package org.beacon.overdose.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.identity.SignedInStaff;
import org.beacon.overdose.internal.AlarmRepository;
import org.beacon.overdose.internal.NoticeRepository;
import org.beacon.overdose.internal.ResidentNotices;
import org.beacon.overdose.internal.ResidentNotices.NoticeArea;
import org.beacon.overdose.internal.StoredAlarm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From an alarm to a notice for residents: the publisher picks a named area (the alarm's own, a neighbourhood or
 * the whole jurisdiction; never a cell), edits the harm-reduction text and chooses whether Beacon states the
 * count. Partners and supervisors publish and withdraw.
 */
@Controller
class NoticesController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ResidentNotices notices;
	private final NoticeRepository repository;
	private final AlarmRepository alarms;
	private final Agencies agencies;
	private final Geography geography;
	private final String jurisdictionName;
	private final String bodyTemplate;

	NoticesController(ResidentNotices notices, NoticeRepository repository, AlarmRepository alarms, Agencies agencies,
			Geography geography, @Value("${beacon.overdose.notice.jurisdiction-name:the city}") String jurisdictionName,
			@Value("${beacon.overdose.notice.body:}") String bodyTemplate) {
		this.notices = notices;
		this.repository = repository;
		this.alarms = alarms;
		this.agencies = agencies;
		this.geography = geography;
		this.jurisdictionName = jurisdictionName;
		this.bodyTemplate = bodyTemplate;
	}

	@GetMapping("/overdose/alarms/{id}/notice")
	String form(@PathVariable long id, Model model) {
		OverdoseAccess.require(OverdoseAccess.RESPOND);
		Agency agency = SignedInStaff.agencyIn(agencies);
		StoredAlarm alarm = alarm(agency, id);
		List<NoticeArea> areas = areas(agency, alarm);
		NoticeArea chosen = defaultArea(agency, alarm, areas);
		return show(model, alarm, areas, chosen, ResidentNotices.defaultTitle(chosen.name()),
				ResidentNotices.defaultBody(chosen.name(), bodyTemplate), true, List.of());
	}

	@PostMapping("/overdose/alarms/{id}/notice")
	String publish(@PathVariable long id, @RequestParam(required = false) String area,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body,
			@RequestParam(defaultValue = "false") boolean mentionCount, @RequestParam(defaultValue = "false") boolean pageOnly,
			Model model, HttpServletResponse response) {
		String actor = OverdoseAccess.require(OverdoseAccess.RESPOND);
		Agency agency = SignedInStaff.agencyIn(agencies);
		StoredAlarm alarm = alarm(agency, id);
		List<NoticeArea> areas = areas(agency, alarm);
		NoticeArea chosen = areas.stream().filter(a -> key(a).equals(area)).findFirst().orElse(null);
		try {
			var draft = new ResidentNotices.Draft(chosen, title, body, mentionCount, pageOnly);
			long noticeId = notices.publish(agency.id(), id, draft, actor);
			return "redirect:/public/notices/" + noticeId;
		}
		catch (ResidentNotices.Rejected e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, alarm, areas, chosen == null ? defaultArea(agency, alarm, areas) : chosen, title, body,
					mentionCount, e.problems());
		}
	}

	@PostMapping("/overdose/notices/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason) {
		String actor = OverdoseAccess.require(OverdoseAccess.RESPOND);
		Agency agency = SignedInStaff.agencyIn(agencies);
		var notice = repository.find(agency.id(), id).orElseThrow(() -> new NoSuchElementException("no notice " + id));
		notices.withdraw(agency.id(), id, reason, actor);
		return notice.alarmId() == null ? "redirect:/overdose/alarms" : "redirect:/overdose/alarms/" + notice.alarmId() + "/notice";
	}

	private String show(Model model, StoredAlarm alarm, List<NoticeArea> areas, NoticeArea chosen, String title,
			String body, boolean mentionCount, List<String> problems) {
		model.addAttribute("alarm", alarm);
		model.addAttribute("areas", areas);
		model.addAttribute("chosen", key(chosen));
		model.addAttribute("title", title);
		model.addAttribute("body", body);
		model.addAttribute("mentionCount", mentionCount);
		model.addAttribute("countPreview", notices.countText(alarm, chosen));
		model.addAttribute("minCount", notices.minCount());
		model.addAttribute("problems", problems);
		model.addAttribute("published", repository.forAlarm(alarm.agency(), alarm.id()));
		// said before publishing: a county or city without an imported boundary reaches no subscriber
		model.addAttribute("undeliverable", areas.stream().filter(a -> !notices.deliverable(alarm.agency(), a))
				.map(NoticesController::key).collect(Collectors.toSet()));
		return "overdose/notice";
	}

	/** The alarm's own area when it is a named one, then the jurisdiction, then every neighbourhood. */
	private List<NoticeArea> areas(Agency agency, StoredAlarm alarm) {
		List<NoticeArea> areas = new ArrayList<>();
		if (ResidentNotices.LEVELS.contains(alarm.areaLevel()) && !"jurisdiction".equals(alarm.areaLevel())) {
			areas.add(new NoticeArea(alarm.areaLevel(), alarm.areaCode(), alarm.areaName()));
		}
		areas.add(new NoticeArea("jurisdiction", "jurisdiction", jurisdictionName));
		geography.areas(agency.id(), AreaKind.NEIGHBOURHOOD).stream().sorted(Comparator.comparing(Area::name))
				.map(a -> new NoticeArea("neighbourhood", a.code(), a.name()))
				.filter(a -> !areas.contains(a)).forEach(areas::add);
		return areas;
	}

	/** The alarm's own named area; for a cell or a scan cluster, the neighbourhood its centre lies in. */
	private NoticeArea defaultArea(Agency agency, StoredAlarm alarm, List<NoticeArea> areas) {
		if (alarm.clusterJson() != null) {
			JsonNode cluster = JSON.readTree(alarm.clusterJson());
			long id = geography.locator(agency.id()).locate(AreaKind.NEIGHBOURHOOD, cluster.path("lat").asDouble(),
					cluster.path("lon").asDouble());
			if (id != 0) {
				String code = geography.areas(agency.id(), AreaKind.NEIGHBOURHOOD).stream().filter(a -> a.id() == id)
						.map(Area::code).findFirst().orElse(null);
				for (NoticeArea a : areas) {
					if ("neighbourhood".equals(a.level()) && a.code().equals(code)) {
						return a;
					}
				}
			}
		}
		return areas.get(0);
	}

	static String key(NoticeArea area) {
		return area == null ? "" : area.level() + "|" + area.code();
	}

	private StoredAlarm alarm(Agency agency, long id) {
		return alarms.find(agency.id(), id).orElseThrow(() -> new NoSuchElementException("no overdose alarm " + id));
	}

	@ExceptionHandler(NoSuchElementException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	@ResponseBody
	String notFound(NoSuchElementException e) {
		return e.getMessage();
	}
}
