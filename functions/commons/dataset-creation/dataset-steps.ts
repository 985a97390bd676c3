import type { PollSchedule } from '../dataset-group/poll-schedule.ts';
import {
  createOrAdoptDataset,
  createOrAdoptSchema,
} from './create-or-adopt.ts';
import { datasetOutcomeCodes } from './dataset-errors.ts';
import type { DatasetRecord, DatasetsApi } from './datasets-api.ts';
import { type PollLoopContext, pollInInvocation } from './poll-loop.ts';
import type {
  DatasetReport,
  PreparedDataset,
  TargetGroup,
} from './prepared-dataset.ts';
import {
  decideResourceProgress,
  type ResourceDecision,
} from './resource-progress.ts';

/** The iteration's `$.progress`: the dataset, and where its poll is. */
export interface DatasetProgress extends ResourceDecision {
  dataset: DatasetRecord;
  alreadyExisted: boolean;
  schemaAdopted: boolean;
  /** When CreateDataset ran: the dataset's deadline counts from it. */
  startedAt: string;
  /** When the dataset was seen settled. */
  settledAt?: string;
  /** Once settled: the dataset's line of the terminal event. */
  report?: DatasetReport;
}

const secondsBetween = (from: string, toMs: number): number =>
  Math.max(0, (toMs - Date.parse(from)) / 1000);

export const reportOf = (
  dataset: PreparedDataset,
  record: DatasetRecord,
  decision: ResourceDecision,
): DatasetReport => ({
  datasetType: dataset.datasetType,
  name: record.name || dataset.datasetName,
  datasetArn: record.datasetArn,
  schemaArn: record.schemaArn ?? dataset.schema.schemaArn,
  status: decision.outcome === 'ACTIVE' ? 'ACTIVE' : 'FAILED',
  ...(decision.error !== undefined && { error: decision.error }),
});

const withReport = (
  progress: DatasetProgress,
  dataset: PreparedDataset,
  nowMs: number,
): DatasetProgress =>
  progress.outcome === 'IN_PROGRESS'
    ? progress
    : {
        ...progress,
        settledAt: new Date(nowMs).toISOString(),
        report: reportOf(dataset, progress.dataset, progress),
      };

const kindOf = (dataset: PreparedDataset) => ({
  label: `${dataset.datasetType} dataset ${dataset.datasetName}`,
  createFailedCode: datasetOutcomeCodes.datasetCreateFailed,
  timedOutCode: datasetOutcomeCodes.datasetTimedOut,
});

/**
 * Task CreateDataset: the schema and the dataset, each created or
 * adopted, and the first poll decision.
 */
export const startDataset = async (
  api: DatasetsApi,
  input: { dataset: PreparedDataset; datasetGroup: TargetGroup },
  nowMs: number,
  schedule: PollSchedule,
): Promise<DatasetProgress> => {
  const { dataset, datasetGroup } = input;
  const schema = await createOrAdoptSchema(api, dataset, datasetGroup.domain);
  const created = await createOrAdoptDataset(
    api,
    dataset,
    datasetGroup.datasetGroupArn,
    schema.schemaArn,
  );
  const decision = decideResourceProgress(
    created.dataset.status,
    created.dataset.failureReason,
    kindOf(dataset),
    { attempt: 0, elapsedSeconds: 0 },
    0,
    schedule,
  );
  return withReport(
    {
      ...decision,
      dataset: created.dataset,
      alreadyExisted: created.adopted,
      schemaAdopted: schema.adopted,
      startedAt: new Date(nowMs).toISOString(),
    },
    dataset,
    nowMs,
  );
};

/** Task DescribeDataset: polls until settled or a long wait is due. */
export const pollDataset = async (
  api: DatasetsApi,
  input: { dataset: PreparedDataset; progress: DatasetProgress },
  clock: { now: () => number },
  schedule: PollSchedule,
  loop: PollLoopContext,
): Promise<DatasetProgress> => {
  const { dataset } = input;
  let record = input.progress.dataset;
  const decision = await pollInInvocation(
    async (position) => {
      record = (await api.describeDataset(record.datasetArn)) ?? {
        ...record,
        status: 'DELETE PENDING',
      };
      return decideResourceProgress(
        record.status,
        record.failureReason,
        kindOf(dataset),
        position,
        secondsBetween(input.progress.startedAt, clock.now()),
        schedule,
      );
    },
    {
      attempt: input.progress.attempt,
      elapsedSeconds: input.progress.elapsedSeconds,
      firstWaitSeconds:
        input.progress.attempt === 0 ? input.progress.waitSeconds : 0,
    },
    loop,
  );
  const { report: _report, error: _error, ...previous } = input.progress;
  return withReport(
    { ...previous, ...decision, dataset: record },
    dataset,
    clock.now(),
  );
};
