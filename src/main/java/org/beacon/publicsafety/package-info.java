/**
 * What residents may see without an account: the public crime map, its exports and feed, and e-mail or
 * webhook alerts. Every public output goes through {@link org.beacon.disclosure.PublicDisclosure}: block-level
 * locations, categories that are never public, counts below the minimum suppressed. It never stores incidents;
 * it keeps disclosed map windows in memory for a short while. Its one staff page ({@code /staff/alerts}) counts
 * alert deliveries and failures without showing any address.
 */
package org.beacon.publicsafety;
