/**
 * Values every module speaks: agency ids, points, time ranges; and small helpers that more than one module
 * needs in the same form: a byte counter for progress (incident importer, upload page), in-memory token
 * buckets for the anonymous paths' rate limits (tips, public safety), job leases on a lock table the
 * calling module owns (overdose, public safety), and the process's one H3 library (geography, disclosure,
 * overdose). No beans, no tables of its own, no decisions; anything that needs one of those belongs in a
 * module.
 */
package org.beacon.shared;
