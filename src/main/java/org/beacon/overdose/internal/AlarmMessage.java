package org.beacon.overdose.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What partners read about an alarm: facts, the daily counts as a small bar chart, and the link to the alarm
 * page with its chart and map. Area-level facts only: no event's location, no person.
 */
final class AlarmMessage {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AlarmMessage() {
	}

	static String subject(StoredAlarm a) {
		return "Overdose spike: " + a.areaName() + " (" + a.areaLevel() + "), " + a.alarmDate();
	}

	static String link(String baseUrl, StoredAlarm a) {
		return baseUrl + "/overdose/alarms/" + a.id();
	}

	static String text(StoredAlarm a, String baseUrl) {
		StringBuilder s = new StringBuilder();
		s.append(summary(a)).append("\n\n");
		List<int[]> days = days(a);
		if (!days.isEmpty()) {
			s.append("Suspected overdoses per day, ending ").append(a.alarmDate()).append(":\n");
			for (int[] d : days) {
				s.append(String.format(Locale.ROOT, "  %s  %3d %s%n", dayLabel(a, d[0]), d[1], "#".repeat(Math.min(d[1], 60))));
			}
			s.append('\n');
		}
		s.append("Chart, map and acknowledgement: ").append(link(baseUrl, a)).append('\n');
		s.append("\nThis alarm is for public-health and outreach partners. It carries no names or addresses; please "
				+ "keep it that way when you pass it on.\n");
		return s.toString();
	}

	static String html(StoredAlarm a, String baseUrl) {
		StringBuilder s = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
		s.append("<h1 style=\"font-size:1.2em\">").append(esc(subject(a))).append("</h1>");
		s.append("<p>").append(esc(summary(a))).append("</p>");
		List<int[]> days = days(a);
		if (!days.isEmpty()) {
			int max = days.stream().mapToInt(d -> d[1]).max().orElse(1);
			s.append("<table role=\"img\" aria-label=\"Suspected overdoses per day\" style=\"border-collapse:collapse\">");
			for (int[] d : days) {
				int width = max == 0 ? 0 : Math.max(1, d[1] * 200 / max);
				boolean last = d == days.get(days.size() - 1);
				s.append("<tr><td style=\"padding-right:8px\">").append(esc(dayLabel(a, d[0]))).append("</td><td>")
						.append("<span style=\"display:inline-block;height:10px;width:").append(d[1] == 0 ? 0 : width)
						.append("px;background:").append(last ? "#bd0026" : "#fd8d3c").append("\"></span> ").append(d[1])
						.append("</td></tr>");
			}
			s.append("</table>");
		}
		s.append("<p><a href=\"").append(esc(link(baseUrl, a))).append("\">Open the alarm: chart, map and acknowledgement</a></p>");
		s.append("<p style=\"color:#555\">For public-health and outreach partners. No names or addresses.</p>");
		return s.append("</body></html>").toString();
	}

	/** The JSON a webhook receives. */
	static String json(StoredAlarm a, String baseUrl) {
		ObjectNode root = JSON.createObjectNode();
		root.put("type", "overdose.alarm");
		root.put("alarm_id", a.id());
		root.put("agency_id", a.agency().value());
		root.put("method", a.method());
		root.put("area_level", a.areaLevel());
		root.put("area_code", a.areaCode());
		root.put("area_name", a.areaName());
		root.put("date", a.alarmDate().toString());
		root.put("window_start", a.windowStart().toString());
		root.put("count", a.count());
		putNumber(root, "baseline_mean", a.baselineMean());
		putNumber(root, "baseline_sd", a.baselineSd());
		putNumber(root, "statistic", a.statistic());
		root.put("threshold", a.threshold());
		putNumber(root, "p_value", a.pValue());
		root.put("url", link(baseUrl, a));
		root.set("series", JSON.readTree(a.seriesJson()));
		if (a.clusterJson() != null) {
			root.set("cluster", JSON.readTree(a.clusterJson()));
		}
		return JSON.writeValueAsString(root);
	}

	static String summary(StoredAlarm a) {
		if (a.scan()) {
			return String.format(Locale.ROOT,
					"The space-time scan found %d suspected overdoses around %s from %s to %s, against %.1f expected "
							+ "(p = %.3f).", a.count(), a.areaName(), a.windowStart(), a.alarmDate(),
					a.baselineMean() == null ? Double.NaN : a.baselineMean(), a.pValue() == null ? Double.NaN : a.pValue());
		}
		String statistic = a.statistic() >= Double.MAX_VALUE ? "infinite (no variation in the baseline)"
				: String.format(Locale.ROOT, "%.2f", a.statistic());
		return String.format(Locale.ROOT,
				"%s: %d suspected overdoses in %s on %s; the baseline was %.2f a day (SD %.2f). %s statistic %s, "
						+ "threshold %.2f.",
				a.method().toUpperCase(Locale.ROOT), a.count(), a.areaName(), a.alarmDate(),
				a.baselineMean() == null ? Double.NaN : a.baselineMean(),
				a.baselineSd() == null ? Double.NaN : a.baselineSd(), a.method().toUpperCase(Locale.ROOT), statistic,
				a.threshold());
	}

	/** The last 14 days of the evidence series as (day offset from its start, count). */
	private static List<int[]> days(StoredAlarm a) {
		JsonNode series = JSON.readTree(a.seriesJson());
		JsonNode counts = series.path("count");
		List<int[]> out = new ArrayList<>();
		for (int i = Math.max(0, counts.size() - 14); i < counts.size(); i++) {
			out.add(new int[] { i, counts.get(i).asInt() });
		}
		return out;
	}

	private static String dayLabel(StoredAlarm a, int offset) {
		JsonNode series = JSON.readTree(a.seriesJson());
		return java.time.LocalDate.parse(series.path("start").asString()).plusDays(offset).toString();
	}

	private static void putNumber(ObjectNode node, String name, Double value) {
		if (value == null || !Double.isFinite(value)) {
			node.putNull(name);
		}
		else {
			node.put(name, value);
		}
	}

	private static String esc(String s) {
		return HtmlUtils.htmlEscape(s);
	}
}
