package org.beacon.analytics.internal;

/**
 * How well a forecast's top cells captured the crimes that followed, at one area share.
 *
 * @param areaShare the requested share f of the study area
 * @param flaggedCells k = ⌊f·N⌋ cells flagged, N the cells of the study area
 * @param captured n: observed events in the flagged cells, ties in the forecast broken against it
 * @param total N_events: all observed events in the study area
 * @param hitRate n/N_events
 * @param pai predictive accuracy index (n/N_events)/(k/N) (Chainey, Tompson &amp; Uhlig 2008)
 * @param pei predictive efficiency index n/n*, n* the events in the k cells with the most events
 *        (Hunt 2016; NIJ 2017)
 * @param hitRateRandomTies the expected hit rate if the cells tied at the cut-off were drawn at random
 * @param paiRandomTies the PAI of that expected hit rate
 */
public record ForecastScore(double areaShare, int flaggedCells, long captured, long total, double hitRate,
		double pai, double pei, double hitRateRandomTies, double paiRandomTies) {
}
