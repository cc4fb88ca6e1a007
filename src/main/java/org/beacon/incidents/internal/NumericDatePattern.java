package org.beacon.incidents.internal;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for the common all-number date patterns ({@code M/d/yyyy H:mm}, {@code yyyy-MM},
 * {@code yyyy-MM-dd HH:mm:ss}): reads the digits by hand instead of through {@link
 * java.time.format.DateTimeFormatter}, which was a seventh of the import's parsing time. It only ever answers
 * for text in the plainest form of the pattern with a valid date ({@code yyyy} exactly four digits from 0001,
 * {@code M}, {@code d}, {@code H} one or two digits, doubled letters exactly two); for anything else it returns
 * null and the formatter decides, so accepted values and rejections stay the formatter's.
 */
final class NumericDatePattern {

	/** A literal to match, or a field: {@code letter} with its count. */
	private record Token(char letter, int count, String literal) {
	}

	private final Token[] tokens;

	private NumericDatePattern(List<Token> tokens) {
		this.tokens = tokens.toArray(Token[]::new);
	}

	/** The fast path for {@code pattern}, or null when the pattern has anything else (text, optional parts, offsets). */
	static NumericDatePattern of(String pattern) {
		List<Token> tokens = new ArrayList<>();
		String letters = "";
		for (int i = 0; i < pattern.length();) {
			char c = pattern.charAt(i);
			if (c == '[' || c == ']' || c == '\'' || c == '#' || c == '{' || c == '}') {
				return null;
			}
			int end = i + 1;
			if (Character.isLetter(c)) {
				while (end < pattern.length() && pattern.charAt(end) == c) {
					end++;
				}
				int count = end - i;
				boolean known = c == 'y' && count == 4 || (c == 'M' || c == 'd' || c == 'H') && count <= 2
						|| (c == 'm' || c == 's') && count == 2;
				if (!known || letters.indexOf(c) >= 0) {
					return null;
				}
				letters += c;
				tokens.add(new Token(c, count, null));
			}
			else {
				while (end < pattern.length() && !Character.isLetter(pattern.charAt(end))
						&& "[]'#{}".indexOf(pattern.charAt(end)) < 0) {
					end++;
				}
				tokens.add(new Token('\0', 0, pattern.substring(i, end)));
			}
			i = end;
		}
		// a field of one or two digits must end at a literal, or the formatter's adjacent parsing would differ
		for (int i = 0; i < tokens.size(); i++) {
			Token t = tokens.get(i);
			if (t.literal() == null && t.count() == 1 && i + 1 < tokens.size() && tokens.get(i + 1).literal() == null) {
				return null;
			}
		}
		boolean date = letters.contains("y") && letters.contains("M");
		boolean time = !letters.contains("H") ? !letters.contains("m") && !letters.contains("s")
				: letters.contains("d") && letters.contains("m");
		boolean seconds = !letters.contains("s") || letters.contains("m");
		return date && time && seconds ? new NumericDatePattern(tokens) : null;
	}

	/** The local date-time, or null when the text is not in the plainest form or not a valid date. */
	LocalDateTime parse(String text) {
		int year = 0;
		int month = 0;
		int day = 1;
		int hour = 0;
		int minute = 0;
		int second = 0;
		int pos = 0;
		for (Token token : tokens) {
			if (token.literal() != null) {
				if (!text.regionMatches(true, pos, token.literal(), 0, token.literal().length())) {
					return null;
				}
				pos += token.literal().length();
				continue;
			}
			int width = token.letter() == 'y' ? 4 : 2;
			int value = 0;
			int digits = 0;
			while (digits < width && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
				value = value * 10 + (text.charAt(pos++) - '0');
				digits++;
			}
			if (digits == 0 || token.count() != 1 && digits != width) {
				return null;
			}
			switch (token.letter()) {
				case 'y' -> year = value;
				case 'M' -> month = value;
				case 'd' -> day = value;
				case 'H' -> hour = value;
				case 'm' -> minute = value;
				default -> second = value;
			}
		}
		if (pos != text.length() || year < 1) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second);
		}
		catch (DateTimeException e) {
			return null;
		}
	}
}
