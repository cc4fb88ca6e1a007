package org.beacon.incidents.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code beacon.import.*}: where users keep their own profiles, and how many rows one transaction writes
 * (progress is reported after each).
 *
 * @param profilesDir folder of {@code <name>.yaml} profiles, default {@code ./profiles}
 * @param batchSize rows per transaction, default 5,000
 * @param reportedErrors how many rejected rows an {@code ImportResult} carries, default 100
 */
@ConfigurationProperties("beacon.import")
record ImportSettings(Path profilesDir, Integer batchSize, Integer reportedErrors) {

	ImportSettings {
		profilesDir = profilesDir == null ? Path.of("profiles") : profilesDir;
		batchSize = batchSize == null ? 5_000 : batchSize;
		reportedErrors = reportedErrors == null ? 100 : reportedErrors;
		if (batchSize < 1) {
			throw new IllegalArgumentException("beacon.import.batch-size must be positive, was " + batchSize);
		}
	}
}
