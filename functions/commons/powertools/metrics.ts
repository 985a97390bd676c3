import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, serviceName } from './logger.ts';

/** Default namespace; POWERTOOLS_METRICS_NAMESPACE overrides it. */
export const metricsNamespace = 'PersonalizeDatasetGroups';

/**
 * CloudWatch metrics in Embedded Metric Format, flushed by the
 * logMetrics middleware at the end of each invocation.
 * POWERTOOLS_METRICS_DISABLED=true turns them off (the local stack does).
 */
export const metrics = new Metrics({
  namespace: metricsNamespace,
  serviceName,
  // Its own warnings go through the structured logger and its level.
  logger,
});

/** The metric names this project publishes, in one place. */
export const metricNames = {
  creationRequested: 'DatasetGroupCreationRequested',
  datasetGroupPolled: 'DatasetGroupPolled',
  pollThrottled: 'DatasetGroupPollThrottled',
  pollFailed: 'DatasetGroupPollFailed',
  datasetGroupCreated: 'DatasetGroupCreated',
  datasetGroupCreationFailed: 'DatasetGroupCreationFailed',
  timeToActive: 'TimeToActive',
  datasetGroupAdopted: 'DatasetGroupAdopted',
  requestRejected: 'RequestRejected',
  deletionRequested: 'DatasetGroupDeletionRequested',
  datasetGroupDeleted: 'DatasetGroupDeleted',
  datasetGroupDeletionFailed: 'DatasetGroupDeletionFailed',
  executionStarted: 'ExecutionStarted',
  duplicateExecutionIgnored: 'DuplicateExecutionIgnored',
} as const;

export { MetricUnit };

/** Adds data points decided elsewhere (pure code) to this invocation. */
export const recordMetrics = (
  points: ReadonlyArray<{
    name: string;
    unit: 'Count' | 'Seconds';
    value: number;
  }>,
): void => {
  for (const point of points) {
    metrics.addMetric(point.name, MetricUnit[point.unit], point.value);
  }
};
