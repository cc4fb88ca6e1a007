package org.beacon.geography.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.geography.MetricProjection;
import org.beacon.shared.AgencyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each agency's projection to metres: the EPSG code or proj4 string it is configured with
 * ({@code beacon.agency.projection} when the agency was created), or for {@code auto} the UTM zone of the
 * centre of its areas' extent, chosen once and written back to the agency so it never shifts later.
 */
@Component
class AgencyProjections {

	static final String AUTO = "auto";

	private static final Logger log = LoggerFactory.getLogger(AgencyProjections.class);

	private final Agencies agencies;
	private final AreaRepository areas;
	private final Map<String, MetricProjection> byDefinition = new ConcurrentHashMap<>();

	AgencyProjections(Agencies agencies, AreaRepository areas) {
		this.agencies = agencies;
		this.areas = areas;
	}

	/**
	 * @throws IllegalStateException when the agency is {@code auto} and has no areas yet, or its configured
	 *     projection cannot be used
	 */
	MetricProjection projection(AgencyId id) {
		Agency agency = agencies.get(id);
		String definition = isAuto(agency) ? chooseAuto(agency).orElseThrow(() -> new IllegalStateException("agency '"
				+ agency.code() + "' has projection 'auto' and no areas to choose one from yet: import areas or set "
				+ "beacon.agency.projection")) : agency.projection().trim();
		try {
			return byDefinition.computeIfAbsent(definition, Proj4Metric::of);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("agency '" + agency.code() + "': " + e.getMessage(), e);
		}
	}

	/** When the agency is still {@code auto} and has areas, fixes its projection to their UTM zone. */
	Optional<String> chooseAutoIfNeeded(AgencyId id) {
		Agency agency = agencies.get(id);
		return isAuto(agency) ? chooseAuto(agency) : Optional.empty();
	}

	private Optional<String> chooseAuto(Agency agency) {
		return areas.extent(agency.id()).map(box -> {
			String epsg = UtmZones.epsgFor((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
			agencies.setProjection(agency.id(), epsg);
			log.info("Agency {}: projection 'auto' set to {} (UTM zone of its areas' centre)", agency.code(), epsg);
			return epsg;
		});
	}

	private static boolean isAuto(Agency agency) {
		return agency.projection() == null || agency.projection().isBlank()
				|| AUTO.equalsIgnoreCase(agency.projection().trim());
	}
}
