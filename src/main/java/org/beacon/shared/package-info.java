/**
 * Values every module speaks: agency ids, points, time ranges; and one stream helper, a byte counter for
 * progress, that the incident importer and the upload page share. No beans with state, no tables, no
 * decisions; anything that needs one of those belongs in a module.
 */
package org.beacon.shared;
