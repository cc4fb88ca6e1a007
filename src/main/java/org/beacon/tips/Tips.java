package org.beacon.tips;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beacon.incidents.IncidentRow;
import org.beacon.shared.AgencyId;

/**
 * Staff triage of tips. Every change is kept as a note and, with identity present, audited. Reading a
 * sealed original image is restricted to supervisors and administrators by the caller and audited here.
 * Links to incident records are checked against the incidents module, audited, and never reach the tipster.
 */
public interface Tips {

	List<TipSummary> queue(AgencyId agency, TipQueueFilter filter);

	Optional<TipDetail> detail(AgencyId agency, long tipId);

	void assign(AgencyId agency, long tipId, String assignee, String actor);

	void recategorise(AgencyId agency, long tipId, TipCategory category, String actor);

	void note(AgencyId agency, long tipId, String text, String actor);

	/** Closes with an honest outcome; {@code noticeToTipster}, if given, appears in the receipt dialogue. */
	void close(AgencyId agency, long tipId, TipOutcome outcome, String noticeToTipster, String actor);

	void reopen(AgencyId agency, long tipId, String actor);

	/** A supervisor has read a held tip and releases it to normal handling. */
	void release(AgencyId agency, long tipId, String actor);

	/** Asks the tipster a question through the receipt dialogue. */
	void ask(AgencyId agency, long tipId, String question, String actor);

	Optional<TipImage> workingCopy(AgencyId agency, long tipId, long attachmentId);

	/** The sealed original as uploaded (metadata and all); audited as {@code tips.attachment.original.read}. */
	Optional<TipImage> sealedOriginal(AgencyId agency, long tipId, long attachmentId, String actor);

	/**
	 * Links the counted incident of the agency whose source id staff typed; audited as {@code tips.incident.link}.
	 *
	 * @throws IllegalArgumentException naming the source id when none or several incidents have it, or when it
	 *     is already linked
	 */
	TipIncidentLink linkIncidentBySourceId(AgencyId agency, long tipId, String sourceId, String actor);

	/** Links an incident picked from {@link #nearbyIncidents}, by Beacon's id; audited as above. */
	TipIncidentLink linkIncidentById(AgencyId agency, long tipId, long incidentId, String actor);

	List<TipIncidentLink> incidentLinks(AgencyId agency, long tipId);

	/**
	 * For the staff queue: the source ids of the incidents linked to each of these tips of the agency, in the
	 * order they were linked. A tip without a link (or of another agency) has no entry.
	 */
	Map<Long, List<String>> linkedIncidentSourceIds(AgencyId agency, Collection<Long> tipIds);

	/**
	 * Located incidents near the tip's point (empty when the tip has none) from {@code days} before it came in,
	 * nearest first.
	 */
	List<IncidentRow> nearbyIncidents(AgencyId agency, long tipId, int days);
}
