import type { PollSchedule } from '../dataset-group/poll-schedule.ts';
import { createOrAdoptImportJob } from './create-or-adopt.ts';
import {
  DatasetImportQuotaError,
  DatasetImportTimedOutError,
  datasetOutcomeCodes,
} from './dataset-errors.ts';
import type { DatasetProgress } from './dataset-steps.ts';
import type { DatasetsApi, ImportJobRecord } from './datasets-api.ts';
import { type PollLoopContext, pollInInvocation } from './poll-loop.ts';
import type { DatasetReport, PreparedDataset } from './prepared-dataset.ts';
import {
  decideResourceProgress,
  type ResourceDecision,
} from './resource-progress.ts';

/** The iteration's `$.importProgress`. */
export interface ImportProgress extends ResourceDecision {
  importJob: ImportJobRecord;
  alreadyExisted: boolean;
  /** Once settled: the dataset's line of the terminal event. */
  report?: DatasetReport;
}

interface ImportInput {
  dataset: PreparedDataset;
  /** The dataset's progress, settled ACTIVE (settledAt and report set). */
  progress: DatasetProgress;
}

/** The import's deadline counts from the dataset's ACTIVE. */
const secondsSinceActive = (progress: DatasetProgress, nowMs: number): number =>
  Math.max(
    0,
    (nowMs - Date.parse(progress.settledAt ?? progress.startedAt)) / 1000,
  );

const kindOf = (dataset: PreparedDataset) => ({
  label: `import job ${dataset.importJob?.jobName ?? '(none)'} of the ${dataset.datasetType} dataset`,
  createFailedCode: datasetOutcomeCodes.importFailed,
  timedOutCode: datasetOutcomeCodes.importTimedOut,
});

const withReport = (
  progress: ImportProgress,
  input: ImportInput,
): ImportProgress => {
  if (progress.outcome === 'IN_PROGRESS') return progress;
  const datasetReport = input.progress.report;
  const status = progress.outcome === 'ACTIVE' ? 'ACTIVE' : 'FAILED';
  return {
    ...progress,
    report: {
      datasetType: input.dataset.datasetType,
      name: datasetReport?.name ?? input.dataset.datasetName,
      datasetArn: input.progress.dataset.datasetArn,
      schemaArn: datasetReport?.schemaArn ?? input.dataset.schema.schemaArn,
      status,
      importJob: {
        jobName: progress.importJob.jobName,
        datasetImportJobArn: progress.importJob.datasetImportJobArn,
        status,
      },
      ...(progress.error !== undefined && { error: progress.error }),
    },
  };
};

/**
 * Task CreateDatasetImportJob: creates or adopts the job. While the
 * region's pending imports are at their quota it throws
 * DatasetImportQuotaError (the state machine retries it with a long
 * backoff); past the import's deadline, DatasetImportTimedOutError.
 */
export const startImport = async (
  api: DatasetsApi,
  input: ImportInput,
  nowMs: number,
  schedule: PollSchedule,
): Promise<ImportProgress> => {
  const result = await createOrAdoptImportJob(
    api,
    input.dataset,
    input.progress.dataset.datasetArn,
  );
  const waited = secondsSinceActive(input.progress, nowMs);
  if (result.kind === 'quota') {
    if (waited >= schedule.deadlineSeconds) {
      throw new DatasetImportTimedOutError(
        `The ${input.dataset.datasetType} import could not start within its deadline of ${schedule.deadlineSeconds} s: the region's quota of pending import jobs stayed full (${result.message})`,
      );
    }
    throw new DatasetImportQuotaError(
      `The ${input.dataset.datasetType} import waits for the region's quota of pending import jobs (${Math.round(waited)} s of ${schedule.deadlineSeconds} s so far): ${result.message}`,
    );
  }
  const decision = decideResourceProgress(
    result.importJob.status,
    result.importJob.failureReason,
    kindOf(input.dataset),
    { attempt: 0, elapsedSeconds: waited },
    waited,
    schedule,
  );
  return withReport(
    {
      ...decision,
      importJob: result.importJob,
      alreadyExisted: result.adopted,
    },
    input,
  );
};

/** Task DescribeDatasetImportJob: polls until settled or a long wait. */
export const pollImport = async (
  api: DatasetsApi,
  input: ImportInput & { importProgress: ImportProgress },
  clock: { now: () => number },
  schedule: PollSchedule,
  loop: PollLoopContext,
): Promise<ImportProgress> => {
  let record = input.importProgress.importJob;
  const decision = await pollInInvocation(
    async (position) => {
      record = (await api.describeImportJob(record.datasetImportJobArn)) ?? {
        ...record,
        status: 'CREATE FAILED',
        failureReason: 'the import job no longer exists',
      };
      return decideResourceProgress(
        record.status,
        record.failureReason,
        kindOf(input.dataset),
        position,
        secondsSinceActive(input.progress, clock.now()),
        schedule,
      );
    },
    {
      attempt: input.importProgress.attempt,
      elapsedSeconds: input.importProgress.elapsedSeconds,
      firstWaitSeconds:
        input.importProgress.attempt === 0
          ? input.importProgress.waitSeconds
          : 0,
    },
    loop,
  );
  return withReport(
    {
      ...decision,
      importJob: record,
      alreadyExisted: input.importProgress.alreadyExisted,
    },
    input,
  );
};
