/**
 * Anonymous tips and the receipts that let a resident follow a tip or report without an identity, plus
 * the anonymous edge every resident-facing path passes through (no IP, user agent or cookie kept or
 * logged; in-memory rate limits). Knows nothing of the reports it gives receipts for beyond a status line.
 */
package org.beacon.tips;
