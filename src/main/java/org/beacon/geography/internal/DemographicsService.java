package org.beacon.geography.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.beacon.geography.AreaDemographics;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Demographics;
import org.beacon.geography.DemographicsImportOptions;
import org.beacon.geography.DemographicsImportResult;
import org.beacon.identity.AuditTrail;
import org.beacon.shared.AgencyId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Area demographics: imported from CSV all or nothing (the file is read and checked in full first, and only
 * a file without errors replaces the figures of the areas it names, in one transaction; recorded as
 * {@code demographics.import} in the audit trail), and listed per kind of area.
 */
@Service
class DemographicsService implements Demographics {

	private final AreaRepository areas;
	private final DemographicsRepository demographics;
	private final ObjectProvider<AuditTrail> audit;

	DemographicsService(AreaRepository areas, DemographicsRepository demographics, ObjectProvider<AuditTrail> audit) {
		this.areas = areas;
		this.demographics = demographics;
		this.audit = audit;
	}

	@Override
	@Transactional
	public DemographicsImportResult importCsv(AgencyId agency, InputStream csv, String source,
			DemographicsImportOptions options) {
		DemographicsCsv.Parsed parsed;
		try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
			parsed = DemographicsCsv.read(reader, source, options, areas.list(agency, options.kind()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String stored = source.length() > 400 ? source.substring(0, 400) : source;
		if (parsed.errors().isEmpty()) {
			parsed.rows().forEach(row -> demographics.replace(agency, row, stored));
		}
		boolean accepted = parsed.errors().isEmpty();
		audit.ifAvailable(trail -> trail.record("demographics.import", source, accepted ? "success" : "failure"));
		return new DemographicsImportResult(parsed.read(), accepted ? parsed.rows().size() : 0,
				List.copyOf(parsed.figures()), List.copyOf(parsed.errors()));
	}

	@Override
	public List<AreaDemographics> list(AgencyId agency, AreaKind kind) {
		return demographics.list(agency, kind);
	}
}
