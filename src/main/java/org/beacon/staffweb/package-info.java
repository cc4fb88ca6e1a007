/**
 * The staff pages: the incident map, chart, table and exports, and the import page. Owns only the
 * {@code import_job} status table; asks incidents and geography for everything it shows, and knows no
 * SQL of theirs.
 */
package org.beacon.staffweb;
