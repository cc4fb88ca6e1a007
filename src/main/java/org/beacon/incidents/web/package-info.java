/** The incidents module's HTTP API: CSV import and its error report. */
package org.beacon.incidents.web;
