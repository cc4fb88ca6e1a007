package org.beacon.analytics.jobs;

/** A user asked for another analysis job while {@link AnalysisJobs#MAX_RUNNING_PER_USER} of theirs still run. */
public class TooManyJobsException extends RuntimeException {

	TooManyJobsException(int running) {
		super("you have " + running + " analyses running, the most at once; wait for one to finish or cancel one");
	}
}
