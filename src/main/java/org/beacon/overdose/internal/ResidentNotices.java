package org.beacon.overdose.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.beacon.disclosure.PublicDisclosure;
import org.beacon.identity.AuditTrail;
import org.beacon.overdose.NoticeAreaOutlines;
import org.beacon.overdose.ResidentNoticePublished;
import org.beacon.shared.AgencyId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Harm-reduction notices for residents, published from an alarm by a partner or supervisor. The privacy rules
 * are {@link PublicDisclosure}'s, checked here whatever the page sends and again on every public read: the
 * area is a named area (the jurisdiction, a neighbourhood, a county or a city), never a point or a cell; a
 * count is stated only by the system, and below {@code beacon.privacy.min-count} (default 5) as "fewer than
 * 5"; a text that states a smaller count itself is refused. Publishing raises {@link ResidentNoticePublished}
 * for resident alerts.
 */
@Service
public class ResidentNotices {

	/** Area levels a notice may name. */
	public static final List<String> LEVELS = PublicDisclosure.NOTICE_AREA_LEVELS;

	private final NoticeRepository notices;
	private final AlarmRepository alarms;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<AuditTrail> audit;
	private final ObjectProvider<Clock> clock;
	private final PublicDisclosure disclosure;
	private final NoticeAreaOutlines outlines;

	ResidentNotices(NoticeRepository notices, AlarmRepository alarms, ApplicationEventPublisher events,
			ObjectProvider<AuditTrail> audit, ObjectProvider<Clock> clock, PublicDisclosure disclosure,
			NoticeAreaOutlines outlines) {
		this.outlines = outlines;
		this.notices = notices;
		this.alarms = alarms;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.disclosure = disclosure;
	}

	/** A notice's area: level, code and name as residents read it. */
	public record NoticeArea(String level, String code, String name) {
	}

	/**
	 * What a publisher asks for; {@code mentionCount} lets the system state the alarm's count. {@code pageOnly}
	 * accepts that an area without an outline ({@link NoticeAreaOutlines}) reaches no subscriber: without it
	 * such a notice is refused, so that no one believes residents were alerted when they were not.
	 */
	public record Draft(NoticeArea area, String title, String body, boolean mentionCount, boolean pageOnly) {
	}

	/** The rules a draft broke, by field. */
	public static final class Rejected extends RuntimeException {

		private final List<String> problems;

		Rejected(List<String> problems) {
			super(String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

		public List<String> problems() {
			return problems;
		}
	}

	public int minCount() {
		return disclosure.minCount();
	}

	/**
	 * The system's sentence about how many: exact at or above the minimum, "fewer than k" below it. Only for
	 * the alarm's own area; for another area the alarm's count would be wrong, so {@code null}.
	 */
	public String countText(StoredAlarm alarm, NoticeArea area) {
		if (!area.level().equals(alarm.areaLevel()) || !area.code().equals(alarm.areaCode())) {
			return null;
		}
		String shown = disclosure.count(alarm.count());
		String how = Character.toUpperCase(shown.charAt(0)) + shown.substring(1);
		String when = alarm.windowStart().equals(alarm.alarmDate()) ? "on " + alarm.alarmDate()
				: "between " + alarm.windowStart() + " and " + alarm.alarmDate();
		return how + " suspected overdoses were reported in " + area.name() + " " + when + ".";
	}

	@Transactional
	public long publish(AgencyId agency, long alarmId, Draft draft, String actor) {
		StoredAlarm alarm = alarms.find(agency, alarmId).orElseThrow(() -> new NoSuchElementException("no overdose alarm " + alarmId));
		List<String> problems = check(agency, draft);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		String count = draft.mentionCount() ? countText(alarm, draft.area()) : null;
		long id = notices.insert(agency, alarmId, draft.area().level(), draft.area().code(), draft.area().name(),
				draft.title().trim(), draft.body().trim(), count, actor, now());
		audit.ifAvailable(trail -> trail.record("overdose.notice.publish", "resident_notice:" + id + " alarm:" + alarmId,
				"success"));
		events.publishEvent(new ResidentNoticePublished(agency, draft.area().level(), draft.area().code(), id));
		return id;
	}

	@Transactional
	public void withdraw(AgencyId agency, long noticeId, String reason, String actor) {
		notices.find(agency, noticeId).orElseThrow(() -> new NoSuchElementException("no notice " + noticeId));
		if (reason == null || reason.isBlank()) {
			throw new Rejected(List.of("say why the notice is withdrawn"));
		}
		boolean done = notices.withdraw(agency, noticeId, actor, reason.trim(), now());
		audit.ifAvailable(trail -> trail.record("overdose.notice.withdraw", "resident_notice:" + noticeId,
				done ? "success" : "failure"));
	}

	/** Whether subscribers of the area can be sent a notice for it: the jurisdiction, or an area with an outline. */
	public boolean deliverable(AgencyId agency, NoticeArea area) {
		return outlines.deliverable(agency, area.level(), area.code());
	}

	private List<String> check(AgencyId agency, Draft draft) {
		List<String> problems = new ArrayList<>();
		if (draft.area() == null || !LEVELS.contains(draft.area().level())) {
			problems.add("a notice names an area (jurisdiction, neighbourhood, county or city), never a point or a cell");
		}
		else if (!draft.pageOnly() && !deliverable(agency, draft.area())) {
			problems.add("the area " + draft.area().name() + " (" + draft.area().level() + ") has no boundary among Beacon's "
					+ "areas, so no subscriber can be sent this notice: import its boundary as an area named \""
					+ draft.area().code() + "\", choose another area, or tick \"publish on the notices page only\"");
		}
		if (draft.title() == null || draft.title().isBlank() || draft.title().length() > 200) {
			problems.add("the title is required, at most 200 characters");
		}
		else {
			for (String phrase : disclosure.smallCounts(draft.title())) {
				problems.add(smallCountProblem("title", phrase));
			}
		}
		if (draft.body() == null || draft.body().isBlank() || draft.body().length() > 5000) {
			problems.add("the text is required, at most 5,000 characters");
		}
		else {
			for (String phrase : disclosure.smallCounts(draft.body())) {
				problems.add(smallCountProblem("text", phrase));
			}
		}
		return problems;
	}

	private String smallCountProblem(String field, String phrase) {
		int k = disclosure.minCount();
		return "the " + field + " says \"" + phrase + "\": counts below " + k + " are not published; say \"fewer than " + k
				+ "\" or tick the box to let Beacon state the count";
	}

	/**
	 * The starting text for a notice, which the publisher edits: naloxone, Good Samaritan protection, test
	 * strips, 988 and a local crisis line. {@code beacon.overdose.notice.*} can replace it for an agency.
	 */
	public static String defaultTitle(String areaName) {
		return "Overdose alert for " + areaName + ": please look out for each other";
	}

	public static String defaultBody(String areaName, String template) {
		if (template != null && !template.isBlank()) {
			return template.replace("{area}", areaName);
		}
		return String.format(Locale.ROOT, """
				More suspected overdoses than usual have been reported in %s in the last few days. The drug supply may \
				contain fentanyl or other strong substances.

				If you use drugs, or someone close to you does:
				- Carry naloxone (Narcan). It reverses an opioid overdose. You can get it free at [naloxone sites: \
				edit this line, e.g. the health department, outreach vans], and pharmacies sell it without a prescription.
				- Don't use alone, go slow, and test first. Fentanyl test strips are free at [edit: your \
				harm-reduction program].
				- In an overdose, call 911, give naloxone and stay. Missouri's Good Samaritan law (RSMo 195.205) \
				protects you and the person overdosing from arrest and prosecution for possession when you call for help.
				- For help with substance use or in a crisis, call or text 988, or [edit: local crisis line].

				This notice is about the area. It says nothing about any person or address.""", areaName);
	}

	private Instant now() {
		return clock.getIfAvailable(Clock::systemUTC).instant();
	}
}
