/**
 * The numeric core of analytics: grids, Getis-Ord Gi*, kernel density, Knox near-repeat tables,
 * Mann-Kendall trends and emerging hot spots, forecast scores and forecasts. Plain Java on primitive
 * arrays; no Spring, no SQL, no clock. Each method is checked against a named peer (R spdep, scikit-learn,
 * R stats) with golden files under {@code src/test/resources/<method>/}.
 */
package org.beacon.analytics.internal;
