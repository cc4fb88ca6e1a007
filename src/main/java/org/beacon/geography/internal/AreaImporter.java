package org.beacon.geography.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaImportResult;
import org.beacon.geography.AreasImported;
import org.beacon.identity.AuditTrail;
import org.beacon.shared.AgencyId;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upserts areas by (agency, kind, code) in one transaction: a code not yet stored is imported, one whose name
 * or geometry differ is updated, one that is identical is unchanged. Rejected features are reported and the
 * rest still go in. After a change it publishes {@link AreasImported}, fixes an {@code auto} projection and
 * records {@code areas.import} in the audit trail (when the identity module provides one).
 */
@Component
class AreaImporter {

	private final AreaRepository areas;
	private final AgencyProjections projections;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<AuditTrail> audit;

	AreaImporter(AreaRepository areas, AgencyProjections projections, ApplicationEventPublisher events,
			ObjectProvider<AuditTrail> audit) {
		this.areas = areas;
		this.projections = projections;
		this.events = events;
		this.audit = audit;
	}

	/** A GeoJSON source: the name errors use, and how to open it. */
	record Source(String name, Opener opener) {
	}

	@FunctionalInterface
	interface Opener {
		InputStream open() throws IOException;
	}

	@Transactional
	AreaImportResult importSources(AgencyId agency, String target, List<Source> sources, AreaImportOptions options) {
		if (options == null || options.kind() == null) {
			throw new IllegalArgumentException("kind: the kind of area to import is required");
		}
		GeoJsonAreaReader reader = new GeoJsonAreaReader(options.idProperty(), options.nameProperty());
		Map<String, AreaRepository.StoredArea> stored = areas.byCode(agency, options.kind());
		long revision = areas.nextRevision(agency);
		WKTWriter wkt = new WKTWriter();
		Set<String> seen = new HashSet<>();
		List<String> errors = new ArrayList<>();
		int read = 0;
		int imported = 0;
		int updated = 0;
		int unchanged = 0;
		for (Source source : sources) {
			GeoJsonAreaReader.Features features = read(reader, source);
			read += features.read();
			errors.addAll(features.errors());
			for (GeoJsonAreaReader.AreaFeature feature : features.areas()) {
				if (!seen.add(feature.code())) {
					errors.add(GeoJsonAreaReader.error(feature.source(), feature.index(), feature.code(), "code.duplicate",
							"an earlier feature of this import has the same code"));
					continue;
				}
				AreaRepository.AreaRow row = row(feature, wkt);
				AreaRepository.StoredArea existing = stored.get(feature.code());
				if (existing == null) {
					areas.insert(agency, options.kind(), row, revision);
					imported++;
				}
				else if (existing.name().equals(row.name()) && existing.wkt().equals(row.wkt())) {
					unchanged++;
				}
				else {
					areas.update(existing.id(), row, revision);
					updated++;
				}
			}
		}
		if (imported + updated > 0) {
			events.publishEvent(new AreasImported(agency, options.kind(), imported, updated));
		}
		projections.chooseAutoIfNeeded(agency);
		boolean accepted = imported + updated + unchanged > 0 || errors.isEmpty();
		audit.ifAvailable(trail -> trail.record("areas.import", target, accepted ? "success" : "failure"));
		return new AreaImportResult(read, imported, updated, unchanged, List.copyOf(errors));
	}

	private static GeoJsonAreaReader.Features read(GeoJsonAreaReader reader, Source source) {
		try (InputStream in = source.opener().open()) {
			return reader.read(in, source.name());
		}
		catch (IOException e) {
			return new GeoJsonAreaReader.Features(0, List.of(),
					List.of(source.name() + ": file.unreadable: " + e.getMessage()));
		}
	}

	private static AreaRepository.AreaRow row(GeoJsonAreaReader.AreaFeature feature, WKTWriter wkt) {
		Geometry geometry = feature.geometry();
		String source = feature.source().length() > 400 ? feature.source().substring(0, 400) : feature.source();
		return new AreaRepository.AreaRow(feature.code(), feature.name(), wkt.write(geometry),
				geometry.getEnvelopeInternal(), geometry.getCentroid(), source);
	}
}
