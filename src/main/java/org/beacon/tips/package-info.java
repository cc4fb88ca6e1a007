/**
 * Anonymous tips and the receipts that let a resident follow a tip or report without an identity, plus
 * the anonymous edge every resident-facing path passes through (no IP, user agent or cookie kept or
 * logged; in-memory rate limits), and the public {@link org.beacon.tips.PhotoCleaning} other resident forms use.
 * Knows nothing of the reports it gives receipts for beyond a status line; asks incidents only to check a link.
 */
package org.beacon.tips;
