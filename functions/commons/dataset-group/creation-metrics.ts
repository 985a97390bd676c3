import {
  InvalidDatasetGroupRequestError,
  PersonalizeThrottledError,
  PersonalizeUnavailableError,
} from '../errors.ts';
import { metricNames } from '../powertools/metrics.ts';
import type { CreationProgress } from './creation-progress.ts';

export type MetricName = (typeof metricNames)[keyof typeof metricNames];

/** One CloudWatch data point, decided purely; a handler records it. */
export interface MetricPoint {
  name: MetricName;
  unit: 'Count' | 'Seconds';
  value: number;
}

const count = (name: MetricName): MetricPoint => ({
  name,
  unit: 'Count',
  value: 1,
});

/** The create task ran (whatever its outcome). */
export const creationRequestedMetric: MetricPoint = count(
  metricNames.creationRequested,
);

/** One DescribeDatasetGroup poll: polls per creation is the cost driver. */
export const polledMetric: MetricPoint = count(metricNames.datasetGroupPolled);

/** A poll that was throttled, and skipped. */
export const pollThrottledMetric: MetricPoint = count(
  metricNames.pollThrottled,
);

/** A poll that Personalize failed (5xx, unreachable), and skipped. */
export const pollFailedMetric: MetricPoint = count(metricNames.pollFailed);

/** An existing identical group was adopted instead of created. */
export const adoptedMetric: MetricPoint = count(
  metricNames.datasetGroupAdopted,
);

const secondsBetween = (from?: string, to?: string): number | undefined => {
  if (from === undefined || to === undefined) return undefined;
  const seconds = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
};

/**
 * The metrics of a poll decision: nothing while the group is being
 * created; DatasetGroupCreated and TimeToActive (Personalize's own
 * creation → last update span, else the workflow's scheduled wait) once it
 * is ACTIVE; DatasetGroupCreationFailed for CREATE FAILED or a deadline.
 */
export const creationMetricsOf = (
  progress: CreationProgress,
): MetricPoint[] => {
  if (progress.outcome === 'IN_PROGRESS') return [];
  if (progress.outcome === 'FAILED') {
    return [count(metricNames.datasetGroupCreationFailed)];
  }
  const { creationDateTime, lastUpdatedDateTime } = progress.datasetGroup;
  return [
    count(metricNames.datasetGroupCreated),
    {
      name: metricNames.timeToActive,
      unit: 'Seconds',
      value:
        secondsBetween(creationDateTime, lastUpdatedDateTime) ??
        progress.elapsedSeconds,
    },
  ];
};

/**
 * The metrics of an error thrown by the create task. A transient error is
 * retried by the state machine, so it is not (yet) a failed creation; any
 * other error ends the workflow. A rejected request is also counted alone.
 */
export const createFailureMetricsOf = (error: unknown): MetricPoint[] => {
  if (
    error instanceof PersonalizeThrottledError ||
    error instanceof PersonalizeUnavailableError
  ) {
    return [];
  }
  const failed = count(metricNames.datasetGroupCreationFailed);
  if (error instanceof InvalidDatasetGroupRequestError) {
    return [count(metricNames.requestRejected), failed];
  }
  return [failed];
};

/**
 * The metrics of an error thrown by the delete task: like creation, a
 * transient error is retried and counts for nothing yet.
 */
export const deleteFailureMetricsOf = (error: unknown): MetricPoint[] =>
  createFailureMetricsOf(error).map((point) =>
    point.name === metricNames.datasetGroupCreationFailed
      ? { ...point, name: metricNames.datasetGroupDeletionFailed }
      : point,
  );
