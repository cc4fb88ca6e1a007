package org.beacon.disclosure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words that, found in an offence description, make an incident never public. Each marker is matched
 * case-insensitively as whole words (a letter or digit on either side does not match, so "DOMESTICATED" and
 * "ADV" do not), with any run of spaces, dots, hyphens or slashes between its words ("DOM. VIOL", "DOM-VIOL").
 */
public final class DescriptionMarkers {

	private static final String SEPARATORS = "[\\s.\\-/]+";

	private final List<String> markers;
	private final Pattern pattern;

	/** Blank markers are ignored; the rest are kept trimmed and upper case. */
	public DescriptionMarkers(List<String> markers) {
		this.markers = markers.stream().map(String::trim).filter(m -> !m.isEmpty())
				.map(m -> m.toUpperCase(Locale.ROOT)).toList();
		List<String> alternatives = new ArrayList<>();
		for (String m : this.markers) {
			List<String> words = new ArrayList<>();
			for (String w : m.split(SEPARATORS)) {
				if (!w.isEmpty()) {
					words.add(Pattern.quote(w));
				}
			}
			alternatives.add(String.join(SEPARATORS, words));
		}
		this.pattern = alternatives.isEmpty() ? null
				: Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])",
						Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	public List<String> markers() {
		return markers;
	}

	/** Whether the text carries one of the markers; false for null or when there are none. */
	public boolean marks(String text) {
		return text != null && pattern != null && pattern.matcher(text).find();
	}
}
