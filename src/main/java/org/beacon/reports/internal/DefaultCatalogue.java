package org.beacon.reports.internal;

import static org.beacon.reports.AttributeDatatype.DATETIME;
import static org.beacon.reports.AttributeDatatype.MULTIVALUELIST;
import static org.beacon.reports.AttributeDatatype.NUMBER;
import static org.beacon.reports.AttributeDatatype.SINGLEVALUELIST;
import static org.beacon.reports.AttributeDatatype.STRING;
import static org.beacon.reports.AttributeDatatype.TEXT;

import java.util.List;

import org.beacon.reports.AttributeDatatype;
import org.beacon.reports.ServiceAttribute;
import org.beacon.reports.ServiceAttribute.Value;
import org.beacon.reports.ServiceSpec;
import org.beacon.reports.ServiceType;

/**
 * The categories every agency starts with. Questions ask what happened and where, never what a person
 * looks like (behaviour-first forms, community-anchors §9 idea 10).
 */
final class DefaultCatalogue {

	private static final String EMERGENCY = "For an emergency or a crime in progress call 911.";

	private DefaultCatalogue() {
	}

	static List<ServiceSpec> services() {
		return List.of(graffiti(), abandonedVehicle(), streetLight(), blight(), noise(), trafficSafety(),
				discardedNeedles(), drugActivity(), other());
	}

	private static ServiceSpec graffiti() {
		return new ServiceSpec("graffiti", "Graffiti", "Graffiti or tagging on walls, signs, vehicles or other surfaces.",
				"quality of life", List.of("graffiti", "tagging", "vandalism", "spray paint"), ServiceType.REALTIME, false,
				120, "Graffiti on public property is usually removed within five working days.",
				List.of(list("surface", 1, true, "What is the graffiti on?", SINGLEVALUELIST,
						v("public", "Public property (sign, wall, bridge)"), v("private", "Private building or fence"),
						v("vehicle", "Vehicle"), v("other", "Something else")),
						list("hateful", 2, false, "Is it hateful or threatening (slurs, symbols, threats)?", SINGLEVALUELIST,
								v("yes", "Yes"), v("no", "No"))));
	}

	private static ServiceSpec abandonedVehicle() {
		return new ServiceSpec("abandoned_vehicle", "Abandoned vehicle",
				"A vehicle left unmoved on a public street for more than 48 hours, or without plates.", "streets",
				List.of("abandoned", "car", "vehicle", "parked", "junk car"), ServiceType.REALTIME, false, 72,
				"An officer will check the vehicle and tag it if it is abandoned.",
				List.of(ServiceAttribute.notice("notice", 1, "Vehicles must be unmoved for at least 48 hours before they can be tagged."),
						free("make_colour", 2, false, "Make and colour of the vehicle", STRING),
						free("plate", 3, false, "Licence plate, if it has one", STRING),
						free("days_parked", 4, true, "About how many days has it been there?", NUMBER)));
	}

	private static ServiceSpec streetLight() {
		return new ServiceSpec("street_light", "Street light out", "A street or alley light that is out, flickering or damaged.",
				"streets", List.of("street light", "lamp", "dark", "lighting", "alley light"), ServiceType.REALTIME, false, 120,
				"The report is passed to the street lighting department.",
				List.of(list("problem", 1, true, "What is wrong with the light?", SINGLEVALUELIST, v("out", "Out"),
						v("flickering", "Flickering"), v("day_burner", "On during the day"), v("damaged", "Pole or fixture damaged")),
						free("pole_number", 2, false, "Number on the pole, if you can see one", STRING)));
	}

	private static ServiceSpec blight() {
		return new ServiceSpec("blight", "Vacant or blighted property",
				"A vacant building or lot that is open, dumped on, overgrown or unsafe.", "housing",
				List.of("vacant", "blight", "abandoned building", "boarded", "overgrown", "dumping"), ServiceType.REALTIME,
				false, 240, "The property will be inspected and referred to the building division if needed.",
				List.of(list("property_type", 1, true, "What kind of property is it?", SINGLEVALUELIST,
						v("vacant_building", "Vacant building"), v("vacant_lot", "Vacant lot"), v("occupied", "Occupied building")),
						list("open_to_entry", 2, true, "Can people get in (open doors or windows)?", SINGLEVALUELIST,
								v("yes", "Yes"), v("no", "No"), v("unknown", "Don't know"))));
	}

	private static ServiceSpec noise() {
		return new ServiceSpec("noise", "Noise", "Loud noise that keeps happening, from music, vehicles, businesses or work.",
				"quality of life", List.of("noise", "loud", "music", "party", "disturbance"), ServiceType.REALTIME, false, 48,
				"Repeated noise reports at one place are reviewed by the community policing officer for the beat.",
				List.of(list("source", 1, true, "Where does the noise come from?", SINGLEVALUELIST, v("music", "Music or party"),
						v("vehicle", "Vehicles"), v("business", "A business"), v("construction", "Construction"),
						v("animal", "Animal"), v("other", "Other")),
						list("recurring", 2, false, "Does it happen again and again?", SINGLEVALUELIST, v("yes", "Yes"), v("no", "No")),
						free("usual_time", 3, false, "When does it usually happen?", DATETIME)));
	}

	private static ServiceSpec trafficSafety() {
		return new ServiceSpec("traffic_safety", "Traffic safety concern",
				"Speeding, drivers ignoring stop signs or signals, unsafe crossings.", "streets",
				List.of("speeding", "traffic", "stop sign", "crosswalk", "red light", "reckless driving"), ServiceType.REALTIME,
				false, 168, "Traffic concerns are reviewed weekly to plan enforcement and engineering changes.",
				List.of(list("concern", 1, true, "What is the problem?", MULTIVALUELIST, v("speeding", "Speeding"),
						v("stop_sign", "Stop sign running"), v("red_light", "Red light running"),
						v("crossing", "Unsafe pedestrian crossing"), v("parking", "Dangerous parking"), v("other", "Other")),
						free("usual_times", 2, false, "Days and times it happens most", TEXT)));
	}

	private static ServiceSpec discardedNeedles() {
		return new ServiceSpec("discarded_needles", "Discarded needles", "Used needles or syringes left in a public place.",
				"health", List.of("needle", "syringe", "sharps", "drug litter"), ServiceType.REALTIME, false, 24,
				"Needles are collected by the health department's sharps team, usually within a day.",
				List.of(ServiceAttribute.notice("safety", 1, "Do not touch or pick up needles. If someone has overdosed call 911; "
						+ "Good Samaritan law protects people who call for help."),
						list("place", 2, true, "Where are they?", SINGLEVALUELIST, v("playground", "Playground or park"),
								v("sidewalk", "Sidewalk or street"), v("alley", "Alley"), v("vacant", "Vacant lot or building"),
								v("other", "Somewhere else")),
						free("count", 3, false, "About how many?", NUMBER)));
	}

	private static ServiceSpec drugActivity() {
		return new ServiceSpec("drug_activity", "Suspected drug activity",
				"Drug dealing or use at a place, reported to the community policing unit. Never published.",
				"public safety", List.of("drugs", "dealing", "drug house"), ServiceType.REALTIME, true, 168,
				"This report is never published. To stay anonymous and follow up, you can also use the tip line.",
				List.of(ServiceAttribute.notice("behaviour_first", 1, "Describe what happens and where, not what people look like. "
						+ EMERGENCY), free("usual_times", 2, false, "Days and times it happens most", TEXT)));
	}

	private static ServiceSpec other() {
		return new ServiceSpec("other", "Something else", "A concern that fits no other category.", "other",
				List.of("other"), ServiceType.REALTIME, false, 168, "Your report will be read and routed by staff.", List.of());
	}

	private static ServiceAttribute free(String code, int order, boolean required, String question, AttributeDatatype type) {
		return new ServiceAttribute(code, true, type, required, null, order, question, List.of());
	}

	private static ServiceAttribute list(String code, int order, boolean required, String question, AttributeDatatype type,
			Value... values) {
		return new ServiceAttribute(code, true, type, required, null, order, question, List.of(values));
	}

	private static Value v(String key, String name) {
		return new Value(key, name);
	}
}
