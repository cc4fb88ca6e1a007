package org.beacon.tips;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Holds back text that identifies someone only by race or ethnicity ("two black guys hanging around"),
 * the profiling pattern resident-reporting apps are criticised for (community-anchors §9 idea 10). Text
 * that describes a person by race together with something observable (clothing, height, a vehicle) is
 * not flagged here; like everything a resident writes it is still moderated before it is public.
 */
public final class DescriptionScreen {

	/** Shown to the resident and to the moderator. */
	public static final String EXPLANATION = "Held for review: it describes someone only by race or ethnicity. "
			+ "Reports are about what happened, not what people look like. Please describe what was done, where "
			+ "and when, and anything observable such as clothing or a vehicle. A moderator will read it before "
			+ "anything is shown.";

	private static final String RACE = "(?:black|white|brown|hispanic|latino|latina|latinx|asian|arab|arabic|mexican|"
			+ "african[- ]american|african|caucasian|middle[- ]eastern|native american|indian|chinese|somali|"
			+ "puerto rican|dark[- ]skinned|light[- ]skinned|colou?red)";

	private static final String PERSON = "(?:m[ae]n|males?|guys?|dudes?|wom[ae]n|females?|girls?|boys?|kids?|teens?|"
			+ "teenagers?|youths?|persons?|people|individuals?|subjects?|suspects?|gentlem[ae]n|lad(?:y|ies)|folks?|"
			+ "groups?|gangs?|crowds?|famil(?:y|ies)|neighbou?rs?|thugs?|gangsters?|dealers?|junkies?|kids)";

	/** A race word, up to three words, then a word for a person: "black males", "hispanic looking guy". */
	private static final Pattern RACE_OF_PERSON = Pattern
			.compile("\\b" + RACE + "(?:[\\s,-]+[a-z'-]+){0,3}?[\\s,-]+" + PERSON + "\\b");

	/** A race word used as a noun for people: "a bunch of mexicans". */
	private static final Pattern RACE_AS_NOUN = Pattern
			.compile("\\b(?:blacks|whites|hispanics|latinos|asians|arabs|mexicans|africans|somalis)\\b");

	/** Anything observable besides race that tells one person from another. */
	private static final Pattern OTHER_DESCRIPTOR = Pattern.compile("\\b(?:wearing|wore|shirt|t-shirt|jacket|hoodie|"
			+ "hooded|coat|hat|cap|beanie|jeans|pants|shorts|trousers|dress|skirt|shoes|sneakers|boots|backpack|bag|"
			+ "tall|short|height|feet|foot|ft|inches|heavy|thin|slim|build|beard|mustache|moustache|tattoos?|glasses|"
			+ "hair|bald|scar|limp|uniform|vest|plate|licen[cs]e|car|truck|van|suv|bike|bicycle|scooter|vehicle|"
			+ "named|called|knife|gun)\\b");

	private DescriptionScreen() {
	}

	/** The reason to hold {@code text} for moderation, or empty when the text passes this screen. */
	public static Optional<String> holdReason(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String lower = text.toLowerCase(Locale.ROOT);
		boolean racialDescription = RACE_OF_PERSON.matcher(lower).find() || RACE_AS_NOUN.matcher(lower).find();
		if (racialDescription && !OTHER_DESCRIPTOR.matcher(lower).find()) {
			return Optional.of(EXPLANATION);
		}
		return Optional.empty();
	}
}
