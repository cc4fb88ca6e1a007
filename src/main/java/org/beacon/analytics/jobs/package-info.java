/**
 * Analyses as background jobs: a request runs on one node while its progress, its result and a request to
 * cancel it live in the {@code analysis_job} table, so that any node answers the polls. Knows nothing of
 * HTTP; the web package parses requests and renders results.
 */
package org.beacon.analytics.jobs;
