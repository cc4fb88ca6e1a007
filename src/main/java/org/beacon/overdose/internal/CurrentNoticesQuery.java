package org.beacon.overdose.internal;

import java.util.List;

import org.beacon.disclosure.AreaNotice;
import org.beacon.overdose.CurrentNotices;
import org.beacon.shared.AgencyId;
import org.springframework.stereotype.Component;

/** {@link CurrentNotices} from the notices table. */
@Component
class CurrentNoticesQuery implements CurrentNotices {

	private final NoticeRepository notices;

	CurrentNoticesQuery(NoticeRepository notices) {
		this.notices = notices;
	}

	@Override
	public List<CurrentNotice> current(AgencyId agency, int limit) {
		return notices.current(agency, limit).stream()
				.map(n -> new CurrentNotice(n.id(), n.publishedAt(), new AreaNotice(n.areaLevel(), n.areaCode(),
						n.areaName(), n.title(), n.body(), n.countText())))
				.toList();
	}
}
