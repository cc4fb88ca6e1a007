package org.beacon.publicsafety.internal;

import java.time.Instant;
import java.util.List;

import org.beacon.disclosure.AreaNotice;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.disclosure.PublicNotice;
import org.beacon.overdose.CurrentNotices;
import org.beacon.shared.AgencyId;
import org.springframework.stereotype.Component;

/**
 * The community notices the public may read (today the overdose harm-reduction notices), for the incidents Atom
 * feed, which the issue asks to carry "recent public incidents and community notices". Published and not
 * withdrawn, newest first, each through {@link PublicDisclosure#disclose(AreaNotice)}: one it refuses is left out,
 * exactly as on {@code /public/notices}.
 */
@Component
public class CommunityNotices {

	/** How many current notices the feed carries, as the notices page. */
	public static final int LIMIT = 50;

	/** A notice as the feed shows it: its id, when it was published, and the words the disclosure allowed. */
	public record Shown(long id, Instant publishedAt, PublicNotice notice) {
	}

	private final CurrentNotices notices;
	private final PublicDisclosure disclosure;

	CommunityNotices(CurrentNotices notices, PublicDisclosure disclosure) {
		this.notices = notices;
		this.disclosure = disclosure;
	}

	/** The agency's current public notices, newest first, at most {@link #LIMIT}. */
	public List<Shown> current(AgencyId agency) {
		return notices.current(agency, LIMIT).stream()
				.flatMap(n -> disclosure.disclose(n.notice()).map(p -> new Shown(n.id(), n.publishedAt(), p)).stream())
				.toList();
	}
}
