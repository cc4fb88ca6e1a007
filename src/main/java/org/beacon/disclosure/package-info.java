/**
 * The one privacy rule set for everything Beacon shows without an account: {@link
 * org.beacon.disclosure.PublicDisclosure} generalises places to the block or an H3 cell centre, drops categories
 * that are never public, suppresses small counts and holds back what a resident wrote until moderation approved
 * it. The map, feeds, alerts, Open311 reads and overdose notices all ask it; it stores nothing and calls no one.
 */
package org.beacon.disclosure;
