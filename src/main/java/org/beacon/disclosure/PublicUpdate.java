package org.beacon.disclosure;

/** A report update as the public may read it, made only by {@link PublicDisclosure}; the text is never null. */
public record PublicUpdate(String text) {
}
