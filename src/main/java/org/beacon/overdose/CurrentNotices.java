package org.beacon.overdose;

import java.time.Instant;
import java.util.List;

import org.beacon.disclosure.AreaNotice;
import org.beacon.shared.AgencyId;

/**
 * The resident notices an agency has published and not withdrawn, newest first, as stored: other modules
 * (the public incidents feed) show them only through {@code PublicDisclosure}, as the notices page does.
 */
public interface CurrentNotices {

	/** At most {@code limit} current notices of the agency, newest first. */
	List<CurrentNotice> current(AgencyId agency, int limit);

	/** A current notice: its id, when it was published, and its area and words as stored. */
	record CurrentNotice(long id, Instant publishedAt, AreaNotice notice) {
	}
}
