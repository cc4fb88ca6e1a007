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

	/**
	 * Something observable about the person besides race: clothing, build, features, a name, what they carry.
	 * A word only counts when it describes a person; "hat" does, "bag" or "short" alone do not ("next to my bag",
	 * "a short while").
	 */
	private static final Pattern PERSON_DESCRIPTOR = Pattern.compile("\\b(?:wearing|wore|dressed|shirt|t-shirt|"
			+ "jacket|hoodie|hooded|coat|hat|cap|beanie|jeans|pants|shorts|trousers|dress|skirt|shoes|sneakers|boots|"
			+ "backpack|tall|height|\\d+\\s*(?:ft|feet|foot|')|inches|heavy[- ]?set|thin|slim|skinny|stocky|build|beard|"
			+ "mustache|moustache|tattoos?|glasses|bald|scar|limp|uniform|vest|named|"
			+ "(?:blond|blonde|red|grey|gray|white|black|brown|long|short|curly|braided|dyed) hair|dreads|dreadlocks|"
			+ "braids|ponytail|(?:carrying|holding|with) an? (?:\\w+ )?(?:bag|knife|gun|pistol|bat|crowbar)|knife|gun|"
			+ "pistol)\\b");

	/**
	 * A vehicle tied to the people described: one they are in, on, driving or getting into, or one described
	 * by its plate. A vehicle that is only nearby ("next to my car") tells no one apart.
	 */
	private static final Pattern THEIR_VEHICLE = Pattern.compile("\\b(?:(?:in|into|on|driving|drove|drive|drives|"
			+ "riding|rode|out of|from) (?:a|an|the|their|his|her)? ?(?:[\\w-]+ ){0,2}(?:car|truck|van|suv|bike|"
			+ "bicycle|scooter|vehicle|sedan|pickup|motorcycle|moped|honda|toyota|ford|chevy|chevrolet|nissan|"
			+ "dodge|bmw|kia|hyundai|jeep|mercedes|audi|tesla|buick|cadillac|chrysler|gmc|lexus|mazda|subaru|"
			+ "volkswagen|vw|volvo)|plate|licen[cs]e)\\b");

	private DescriptionScreen() {
	}

	/** The reason to hold {@code text} for moderation, or empty when the text passes this screen. */
	public static Optional<String> holdReason(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String lower = text.toLowerCase(Locale.ROOT);
		boolean racialDescription = RACE_OF_PERSON.matcher(lower).find() || RACE_AS_NOUN.matcher(lower).find();
		if (racialDescription && !PERSON_DESCRIPTOR.matcher(lower).find() && !THEIR_VEHICLE.matcher(lower).find()) {
			return Optional.of(EXPLANATION);
		}
		return Optional.empty();
	}
}
