/**
 * Values every module speaks: agency ids, points, time ranges. No beans with state, no tables, no
 * decisions; anything that needs one of those belongs in a module.
 */
package org.beacon.shared;
