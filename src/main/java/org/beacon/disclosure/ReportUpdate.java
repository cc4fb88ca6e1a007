package org.beacon.disclosure;

/**
 * A staff update of a resident's report, with what {@link PublicDisclosure} needs to decide whether the public
 * may read it.
 *
 * @param publicUpdate staff wrote it for the public (internal notes are not)
 */
public record ReportUpdate(boolean privateCategory, boolean requestRejected, boolean publicUpdate, String text) {
}
