package org.beacon.analytics.jobs;

import java.util.concurrent.Executor;

/**
 * Where this node runs analysis jobs. Without a bean of this type, {@link AnalysisJobs} runs them on
 * {@link AnalysisJobs#THREADS} threads of its own; a test can supply one that runs them when told.
 */
public interface JobExecutor extends Executor {
}
