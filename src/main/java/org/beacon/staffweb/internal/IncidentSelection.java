package org.beacon.staffweb.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.StringJoiner;

import org.beacon.incidents.IncidentFilter;
import org.beacon.shared.AgencyId;

/**
 * What the staff pages show: local dates {@code [from, to]} (either may be open) and a category choice. The
 * same selection drives the map, the chart, the table and the exports, so an export is what is shown.
 */
public record IncidentSelection(LocalDate from, LocalDate to, CategoryChoice category) {

	public IncidentSelection {
		if (from != null && to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
		}
		category = category == null ? CategoryChoice.ALL : category;
	}

	public IncidentFilter filter(AgencyId agency) {
		return new IncidentFilter(agency, from, to, category.categories());
	}

	/** The selection as a URL query string without the leading {@code ?}, e.g. for the data endpoints. */
	public String queryString() {
		StringJoiner query = new StringJoiner("&");
		if (from != null) {
			query.add("from=" + from);
		}
		if (to != null) {
			query.add("to=" + to);
		}
		if (!category.value().isEmpty()) {
			query.add("category=" + URLEncoder.encode(category.value(), StandardCharsets.UTF_8));
		}
		return query.toString();
	}

	/** A short description for the audit trail and file names: {@code from=.. to=.. category=..}. */
	public String describe() {
		return "from=" + (from == null ? "*" : from) + " to=" + (to == null ? "*" : to) + " category="
				+ (category.value().isEmpty() ? "all" : category.value());
	}

	/** A file name stem such as {@code incidents-2020-01-01-2020-12-31-PART_I}. */
	public String fileStem() {
		return "incidents-" + (from == null ? "start" : from) + "-" + (to == null ? "end" : to)
				+ (category.value().isEmpty() ? "" : "-" + category.value());
	}
}
