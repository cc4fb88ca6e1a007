package org.beacon.staffweb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaImportResult;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.incidents.ImportResult;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentQueries;
import org.beacon.shared.AgencyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled St. Louis sample (88 neighbourhoods; the 44,720 SLMPD records coded in 2020, see
 * {@code demo/stl-incidents-2020.README.md}) into an empty database when the web application first starts,
 * in the background so the server answers at once. The {@code demo} row of {@code import_job} is the lock: one node loads, the others see it running.
 */
@Component
@Profile("serve")
public class DemoSampleLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoSampleLoader.class);

	static final String AREAS = "classpath:demo/stl-neighborhoods.geojson";
	static final String INCIDENTS = "classpath:demo/stl-incidents-2020.csv.gz";
	static final AreaImportOptions AREA_OPTIONS = new AreaImportOptions(AreaKind.NEIGHBOURHOOD, "NHD_NUM", "NHD_NAME");

	private final Agencies agencies;
	private final Geography geography;
	private final IncidentQueries queries;
	private final ImportJobs jobs;
	private final Resource areas;
	private final Resource incidents;
	private final boolean enabled;

	@Autowired
	DemoSampleLoader(Agencies agencies, Geography geography, IncidentQueries queries, ImportJobs jobs,
			ResourceLoader resources, @Value("${beacon.demo.enabled:true}") boolean enabled) {
		this(agencies, geography, queries, jobs, resources.getResource(AREAS), resources.getResource(INCIDENTS),
				enabled);
	}

	DemoSampleLoader(Agencies agencies, Geography geography, IncidentQueries queries, ImportJobs jobs,
			Resource areas, Resource incidents, boolean enabled) {
		this.agencies = agencies;
		this.geography = geography;
		this.queries = queries;
		this.jobs = jobs;
		this.areas = areas;
		this.incidents = incidents;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (!enabled) {
			log.info("Demo sample disabled (--no-demo)");
			return;
		}
		if (claim()) {
			jobs.runInBackground(this::load);
		}
	}

	/**
	 * Claims the demo job when the sample is bundled and the default agency has neither incidents nor areas
	 * (or an earlier load failed or stalled); true when this node should load it.
	 */
	boolean claim() {
		if (!areas.exists() || !incidents.exists()) {
			log.warn("Demo sample not bundled ({} / {}); starting empty", AREAS, INCIDENTS);
			return false;
		}
		AgencyId agency = agencies.defaultAgency().id();
		boolean claimed = jobs.claim(ImportJob.DEMO, agency, incidents.getFilename(), "demo", () -> isEmpty(agency));
		if (claimed) {
			log.info("Loading the St. Louis sample in the background; the server is up already");
		}
		return claimed;
	}

	/** Loads areas, then incidents, into the claimed demo job; any failure ends up in the job's row. */
	void load() {
		AgencyId agency = agencies.defaultAgency().id();
		try (InputStream in = areas.getInputStream()) {
			AreaImportResult result = geography.importAreas(agency, in, areas.getFilename(), AREA_OPTIONS);
			log.info("Demo areas: read={} imported={} updated={} rejected={}", result.read(), result.imported(),
					result.updated(), result.rejected());
		}
		catch (IOException | RuntimeException e) {
			log.error("Demo areas could not be loaded", e);
			jobs.fail(ImportJob.DEMO, "areas: " + e.getMessage());
			return;
		}
		try (InputStream in = incidents.getInputStream()) {
			ImportResult result = jobs.importIncidents(ImportJob.DEMO, agency, in, incidents.contentLength(),
					incidents.getFilename(), "stl-slmpd", Map.of());
			log.info("Demo incidents loaded: {}", result.summary());
		}
		catch (IOException e) {
			log.error("Demo incidents could not be read", e);
			jobs.fail(ImportJob.DEMO, "incidents: " + e.getMessage());
		}
		catch (RuntimeException e) {
			// importIncidents has marked the job failed and logged the cause
			log.error("Demo incidents could not be loaded: {}", e.getMessage());
		}
	}

	private boolean isEmpty(AgencyId agency) {
		return queries.count(new IncidentFilter(agency, null, null, Set.of())) == 0
				&& geography.areas(agency, AreaKind.NEIGHBOURHOOD).isEmpty();
	}
}
