/**
 * HTTP endpoints of the geography module: areas as GeoJSON and their import. Calls only the module's API.
 */
package org.beacon.geography.web;
