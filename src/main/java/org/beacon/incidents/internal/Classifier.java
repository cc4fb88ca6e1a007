package org.beacon.incidents.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.beacon.incidents.OffenseCategory;

/**
 * Applies a profile's {@link ImportProfile.Classification}. Texts are classified once and remembered (a
 * source has a few hundred distinct descriptions), so keyword search stays out of the per-row cost.
 * Not thread-safe: one per import.
 */
final class Classifier {

	/** Enough for every distinct description of a large city; beyond it texts are classified each time. */
	private static final int CACHE_LIMIT = 50_000;

	private final ImportProfile.Classification rules;
	private final Map<String, OffenseCategory> byText = new HashMap<>();

	Classifier(ImportProfile.Classification rules) {
		this.rules = rules;
	}

	/**
	 * @param code the source's offense code, trimmed (may be empty)
	 * @param numericCode the code as a number, or -1 when it is not one
	 * @return the category, or null when no rule classifies the row
	 */
	OffenseCategory classify(String code, long numericCode, String description, String categoryText) {
		if (!categoryText.isEmpty()) {
			OffenseCategory named = named(categoryText);
			if (named != null) {
				return named;
			}
		}
		OffenseCategory fromTable = rules.codes().get(code);
		if (fromTable != null) {
			return fromTable;
		}
		if (rules.ucrClassDivisor() != null && numericCode >= 0) {
			long ucrClass = numericCode / rules.ucrClassDivisor();
			if (ucrClass >= 1 && ucrClass <= 26) {
				return OffenseCategory.ofUcrClass((int) ucrClass);
			}
		}
		OffenseCategory byKeyword = keyword(categoryText);
		if (byKeyword == null) {
			byKeyword = keyword(description);
		}
		return byKeyword != null ? byKeyword : rules.defaultCategory();
	}

	/** Says which rules there are, for the error message of a row none of them classifies. */
	String describeRules() {
		StringBuilder rule = new StringBuilder("unknown code: no classification rule matches (");
		if (rules.ucrClassDivisor() != null) {
			rule.append("UCR class = code div ").append(rules.ucrClassDivisor()).append(" must be 1..26");
		}
		if (!rules.codes().isEmpty()) {
			rule.append(rules.ucrClassDivisor() != null ? "; " : "").append("code table of ")
					.append(rules.codes().size());
		}
		if (!rules.keywords().isEmpty()) {
			rule.append("; ").append(rules.keywords().size()).append(" keywords");
		}
		return rule.append(", no default)").toString();
	}

	private OffenseCategory named(String text) {
		String name = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		for (OffenseCategory category : OffenseCategory.values()) {
			if (category.name().equals(name) || category.label().equalsIgnoreCase(text.trim())) {
				return category;
			}
		}
		return null;
	}

	private OffenseCategory keyword(String text) {
		if (text.isEmpty() || rules.keywords().isEmpty()) {
			return null;
		}
		OffenseCategory cached = byText.get(text);
		if (cached != null || byText.containsKey(text)) {
			return cached;
		}
		OffenseCategory found = search(text.toUpperCase(Locale.ROOT));
		if (byText.size() < CACHE_LIMIT) {
			byText.put(text, found);
		}
		return found;
	}

	private OffenseCategory search(String upper) {
		for (Map.Entry<String, OffenseCategory> rule : rules.keywords().entrySet()) {
			if (startsAWord(upper, rule.getKey())) {
				return rule.getValue();
			}
		}
		return null;
	}

	/** Whether the keyword occurs where a word starts, so RAPE does not match GRAPE but THEFT matches THEFTS. */
	static boolean startsAWord(String text, String keyword) {
		for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
			if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
				return true;
			}
		}
		return false;
	}
}
