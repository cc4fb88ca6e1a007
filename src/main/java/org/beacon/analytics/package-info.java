/**
 * Hot spots, near-repeats, forecasts and their scores, computed in memory on columnar incident frames;
 * pure math in internal/, no Spring there.
 */
package org.beacon.analytics;
