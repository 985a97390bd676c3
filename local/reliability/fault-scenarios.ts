import { PersonalizeClient } from '@aws-sdk/client-personalize';
import type { LocalStack } from '../runtime/local-stack.ts';
import { seedGroupChildren } from '../seed/group-children.ts';

export type Workflow = 'create' | 'delete' | 'datasets';

/** An execution started directly, or a request published on the bus. */
export type ScenarioRun =
  | { workflow: Workflow; input: Record<string, unknown> }
  | { event: 'Dataset Group Create Requested'; detail: { name: string } };

/** What every run of a scenario must end in. */
export interface ScenarioExpectation {
  /** The one terminal detail-type of every run. */
  terminal:
    | 'Dataset Group Created'
    | 'Dataset Group Creation Failed'
    | 'Dataset Group Deleted'
    | 'Dataset Group Deletion Failed'
    | 'Dataset Group Datasets Ready'
    | 'Dataset Group Datasets Failed';
  /** error.code of a failure event. */
  errorCode?: string;
  /** Dataset groups the emulator holds afterwards. */
  groups: number;
  /** Whether some state must have been retried (the fault was felt). */
  retried: boolean;
  /** The fault lands on status polls, which skip it: it must have been
   * injected, and no state retried. */
  skippedPolls?: boolean;
}

export interface FaultScenario {
  id: string;
  fault: string;
  /** Sets the stage: faults, existing groups. */
  arrange: (stack: LocalStack) => Promise<void>;
  /** Started together. */
  runs: ScenarioRun[];
  expected: ScenarioExpectation;
}

const create = (name: string, extra: Record<string, unknown> = {}) => ({
  workflow: 'create' as const,
  input: { name, ...extra },
});
const remove = (name: string) => ({
  workflow: 'delete' as const,
  input: { name },
});
const removeAll = (name: string) => ({
  workflow: 'delete' as const,
  input: { name, cascade: true },
});

/** A Users and an Items dataset, with an import for Items. */
const declaredDatasets = [
  {
    datasetType: 'Users',
    schema: {
      definition: {
        type: 'record',
        name: 'Users',
        fields: [{ name: 'USER_ID', type: 'string' }],
      },
    },
  },
  {
    datasetType: 'Items',
    schema: {
      definition: {
        type: 'record',
        name: 'Items',
        fields: [{ name: 'ITEM_ID', type: 'string' }],
      },
    },
    importJob: {
      dataLocation: 's3://fault-matrix/items.csv',
      roleArn: 'arn:aws:iam::123456789012:role/PersonalizeS3Access',
    },
  },
];
const datasetsOf = (name: string) => ({
  workflow: 'datasets' as const,
  input: { name, datasets: declaredDatasets },
});
const datasetsReady = (groups = 1, retried = true): ScenarioExpectation => ({
  terminal: 'Dataset Group Datasets Ready',
  groups,
  retried,
});

/** Creates groups through the workflow, before the fault is set. */
const existing =
  (...names: string[]) =>
  async (stack: LocalStack) => {
    for (const name of names) {
      const execution = stack.createWorkflow.start({ name });
      for await (const _ of execution.eventLogs);
      const outcome = await execution.outcome;
      if (outcome.status !== 'SUCCEEDED') {
        throw new Error(`Could not arrange group ${name}: ${outcome.error}`);
      }
    }
  };

/** A group holding a dataset, a solution with a version, a campaign, an
 * event tracker and a filter, seeded through the SDK. */
const populated = (name: string) => async (stack: LocalStack) => {
  await existing(name)(stack);
  const personalize = new PersonalizeClient({
    endpoint: stack.emulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await seedGroupChildren(
      personalize,
      {
        name,
        datasetGroupArn: `arn:aws:personalize:us-east-1:000000000000:dataset-group/${name}`,
      },
      { dataset: true },
    );
  } finally {
    personalize.destroy();
  }
};

const deleted = (retried = true): ScenarioExpectation => ({
  terminal: 'Dataset Group Deleted',
  groups: 0,
  retried,
});

const created = (groups = 1, retried = true): ScenarioExpectation => ({
  terminal: 'Dataset Group Created',
  groups,
  retried,
});

/** Created, with the fault absorbed as skipped polls. */
const createdSkippingPolls = (): ScenarioExpectation => ({
  ...created(1, false),
  skippedPolls: true,
});

/**
 * The fault matrix: each fault the cloud really produces, and what the
 * workflow must make of it. Every run must end in exactly one terminal
 * event, with no dataset group created twice.
 */
export const faultScenarios: FaultScenario[] = [
  {
    id: 'throttle-create',
    fault:
      'LimitExceededException, the rate-limit one (the emulator’s default), ×4 on CreateDatasetGroup',
    arrange: async (stack) => {
      stack.emulator.faults.throttle({
        count: 4,
        operation: 'CreateDatasetGroup',
      });
    },
    runs: [create('throttle-create')],
    expected: created(),
  },
  {
    id: 'throttle-describe',
    fault:
      'Rate-limit LimitExceededException ×4 on DescribeDatasetGroup (polls are skipped, not retried)',
    arrange: async (stack) => {
      stack.emulator.faults.throttle({
        count: 4,
        operation: 'DescribeDatasetGroup',
      });
    },
    runs: [create('throttle-describe')],
    expected: createdSkippingPolls(),
  },
  {
    id: 'throttle-list',
    fault:
      'Rate-limit LimitExceededException ×4 on ListDatasetGroups (adopting an existing group)',
    arrange: async (stack) => {
      await existing('throttle-list')(stack);
      stack.emulator.faults.throttle({
        count: 4,
        operation: 'ListDatasetGroups',
      });
    },
    runs: [create('throttle-list')],
    expected: created(),
  },
  {
    id: 'throttle-list-tags',
    fault:
      'Rate-limit LimitExceededException ×4 on ListTagsForResource (adopting)',
    arrange: async (stack) => {
      await existing('throttle-tags')(stack);
      stack.emulator.faults.throttle({
        count: 4,
        operation: 'ListTagsForResource',
      });
    },
    runs: [create('throttle-tags')],
    expected: created(),
  },
  {
    id: 'throttle-delete',
    fault: 'Rate-limit LimitExceededException ×4 on DeleteDatasetGroup',
    arrange: async (stack) => {
      await existing('throttle-delete')(stack);
      stack.emulator.faults.throttle({
        count: 4,
        operation: 'DeleteDatasetGroup',
      });
    },
    runs: [remove('throttle-delete')],
    expected: { terminal: 'Dataset Group Deleted', groups: 0, retried: true },
  },
  {
    id: 'throttle-deletion-poll',
    fault:
      'Rate-limit LimitExceededException ×3 on the deletion poll (retried by its task)',
    arrange: async (stack) => {
      await existing('throttle-poll')(stack);
      // Once the deletion is underway, so the refusals land on the poll
      // and not on the lookup of the delete task.
      const unsubscribe = stack.bus.subscribe((event) => {
        if (event['detail-type'] !== 'Dataset Group Deletion Started') return;
        unsubscribe();
        stack.emulator.faults.throttle({
          count: 3,
          operation: 'DescribeDatasetGroup',
        });
      });
    },
    runs: [remove('throttle-poll')],
    expected: { terminal: 'Dataset Group Deleted', groups: 0, retried: true },
  },
  {
    id: 'throttling-exception-create',
    fault: 'ThrottlingException ×4 on CreateDatasetGroup',
    arrange: async (stack) => {
      stack.emulator.faults.throttle({
        count: 4,
        operation: 'CreateDatasetGroup',
        error: 'ThrottlingException',
      });
    },
    runs: [create('throttling-exception')],
    expected: created(),
  },
  {
    id: 'throttling-exception-describe',
    fault:
      'ThrottlingException ×4 on DescribeDatasetGroup (polls are skipped, not retried)',
    arrange: async (stack) => {
      stack.emulator.faults.throttle({
        count: 4,
        operation: 'DescribeDatasetGroup',
        error: 'ThrottlingException',
      });
    },
    runs: [create('throttling-exception-poll')],
    expected: createdSkippingPolls(),
  },
  {
    id: 'limit-unrecognised-create',
    fault:
      'LimitExceededException with a message that names neither a rate nor a quota ×4 on CreateDatasetGroup (retried as a rate limit)',
    arrange: async (stack) => {
      stack.emulator.faults.throttle({
        count: 4,
        operation: 'CreateDatasetGroup',
        message: 'Limit exceeded',
      });
    },
    runs: [create('unclassified')],
    expected: created(),
  },
  {
    id: 'rate-limit-burst',
    fault:
      '5 creations at once against a 2 calls/s limit on CreateDatasetGroup (LimitExceededException)',
    arrange: async (stack) => {
      stack.emulator.faults.rateLimit('CreateDatasetGroup', {
        tps: 2,
        burst: 2,
      });
    },
    runs: Array.from({ length: 5 }, (_, index) => create(`burst-${index}`)),
    expected: created(5, false),
  },
  {
    id: 'rate-limit-burst-throttling-exception',
    fault:
      '5 creations at once against a 2 calls/s limit on CreateDatasetGroup (ThrottlingException)',
    arrange: async (stack) => {
      stack.emulator.faults.rateLimit('CreateDatasetGroup', {
        tps: 2,
        burst: 2,
        error: 'ThrottlingException',
      });
    },
    runs: Array.from({ length: 5 }, (_, index) =>
      create(`burst-throttling-${index}`),
    ),
    expected: created(5, false),
  },
  {
    id: 'server-error-create',
    fault: '503 ServiceUnavailable ×4 on CreateDatasetGroup',
    arrange: async (stack) => {
      stack.emulator.faults.serverError({
        count: 4,
        status: 503,
        operation: 'CreateDatasetGroup',
      });
    },
    runs: [create('unavailable')],
    expected: created(),
  },
  {
    id: 'server-error-describe',
    fault:
      '500 InternalFailure ×4 on DescribeDatasetGroup (polls are skipped, not retried)',
    arrange: async (stack) => {
      stack.emulator.faults.serverError({
        count: 4,
        operation: 'DescribeDatasetGroup',
      });
    },
    runs: [create('internal-failure')],
    expected: createdSkippingPolls(),
  },
  {
    id: 'connection-reset',
    fault:
      'Connection reset ×4 on DescribeDatasetGroup (polls are skipped, not retried)',
    arrange: async (stack) => {
      stack.emulator.faults.connectionReset({
        count: 4,
        operation: 'DescribeDatasetGroup',
      });
    },
    runs: [create('reset')],
    expected: createdSkippingPolls(),
  },
  {
    id: 'lambda-timeout',
    fault: 'The create function outlives its timeout after creating the group',
    arrange: async (stack) => {
      stack.lambdaFaults.inject('create-dataset-group', 'timeout');
    },
    runs: [create('timed-out')],
    expected: created(),
  },
  {
    id: 'handler-crash',
    fault: 'The runtime crashes after a poll (its answer is lost)',
    arrange: async (stack) => {
      stack.lambdaFaults.inject('describe-dataset-group', 'crash', 2);
    },
    runs: [create('crashed')],
    expected: created(),
  },
  {
    id: 'create-failed',
    fault: 'Personalize ends the group in CREATE FAILED',
    arrange: async (stack) => {
      stack.emulator.faults.createFailed({
        match: 'doomed',
        failureReason: 'KMS key is not accessible',
      });
    },
    runs: [create('doomed')],
    expected: {
      terminal: 'Dataset Group Creation Failed',
      errorCode: 'DatasetGroupCreateFailed',
      groups: 1,
      retried: false,
    },
  },
  {
    id: 'stuck-pending',
    fault: 'The group stays CREATE PENDING past the 7200 s deadline',
    arrange: async (stack) => {
      stack.emulator.faults.neverActive({
        match: 'stuck',
        status: 'CREATE PENDING',
      });
    },
    runs: [create('stuck')],
    expected: {
      terminal: 'Dataset Group Creation Failed',
      errorCode: 'DatasetGroupCreationTimedOut',
      groups: 1,
      retried: false,
    },
  },
  {
    id: 'concurrent-creators',
    fault: 'Three executions create the same group at once',
    arrange: async () => undefined,
    runs: [create('contested'), create('contested'), create('contested')],
    expected: created(1, false),
  },
  {
    id: 'quota-reached',
    fault:
      'LimitExceededException for the quota: 5 groups already exist (not retried)',
    arrange: existing('q1', 'q2', 'q3', 'q4', 'q5'),
    runs: [create('q6')],
    expected: {
      terminal: 'Dataset Group Creation Failed',
      errorCode: 'PersonalizeLimitExceededError',
      groups: 5,
      retried: false,
    },
  },
  {
    id: 'quota-unrecognised',
    fault:
      'LimitExceededException on every create, with a message that names neither a rate nor a quota (retried 3 times, then the quota)',
    arrange: async (stack) => {
      stack.emulator.faults.throttle({
        count: 100,
        operation: 'CreateDatasetGroup',
        message: 'Limit exceeded',
      });
    },
    runs: [create('never-classified')],
    expected: {
      terminal: 'Dataset Group Creation Failed',
      errorCode: 'PersonalizeLimitExceededError',
      groups: 0,
      retried: true,
    },
  },
  {
    id: 'put-events-failed-entry',
    fault: 'PutEvents answers FailedEntryCount > 0 twice',
    arrange: async (stack) => {
      stack.bus.failNextPuts(2);
    },
    runs: [create('flaky-bus')],
    expected: created(),
  },
  {
    id: 'event-delivered-twice',
    fault:
      'A Create Requested event is delivered twice (its trigger timed out after starting the workflow)',
    arrange: async (stack) => {
      stack.lambdaFaults.inject('on-create-requested', 'timeout');
    },
    runs: [
      {
        event: 'Dataset Group Create Requested',
        detail: { name: 'delivered-twice' },
      },
    ],
    expected: created(1, false),
  },
  {
    id: 'delete-in-use',
    fault: 'Deleting a group that still holds datasets',
    arrange: async (stack) => {
      await existing('in-use')(stack);
      stack.emulator.markHasDatasets('in-use', true);
    },
    runs: [remove('in-use')],
    expected: {
      terminal: 'Dataset Group Deletion Failed',
      errorCode: 'DatasetGroupInUseError',
      groups: 1,
      retried: false,
    },
  },
  {
    id: 'throttle-create-schema',
    fault:
      'Rate-limit LimitExceededException ×8 on CreateSchema (more than the SDK retries of the two datasets)',
    arrange: async (stack) => {
      await existing('throttle-schema')(stack);
      stack.emulator.faults.throttle({ count: 8, operation: 'CreateSchema' });
    },
    runs: [datasetsOf('throttle-schema')],
    expected: datasetsReady(),
  },
  {
    id: 'unavailable-create-dataset',
    fault:
      '503 ServiceUnavailable ×8 on CreateDataset (more than the SDK retries of the two datasets)',
    arrange: async (stack) => {
      await existing('unavailable-dataset')(stack);
      stack.emulator.faults.serverError({
        count: 8,
        status: 503,
        operation: 'CreateDataset',
      });
    },
    runs: [datasetsOf('unavailable-dataset')],
    expected: datasetsReady(),
  },
  {
    id: 'throttle-describe-dataset',
    fault:
      'ThrottlingException ×8 on DescribeDataset (more than the SDK retries of the two datasets)',
    arrange: async (stack) => {
      await existing('throttle-poll')(stack);
      stack.emulator.faults.throttle({
        count: 8,
        operation: 'DescribeDataset',
        error: 'ThrottlingException',
      });
    },
    runs: [datasetsOf('throttle-poll')],
    expected: datasetsReady(),
  },
  {
    id: 'reset-create-import',
    fault: 'Connection reset ×2 on CreateDatasetImportJob',
    arrange: async (stack) => {
      await existing('reset-import')(stack);
      stack.emulator.faults.connectionReset({
        count: 2,
        operation: 'CreateDatasetImportJob',
      });
    },
    runs: [datasetsOf('reset-import')],
    expected: datasetsReady(1, false),
  },
  {
    id: 'import-failed',
    fault:
      'The import job ends CREATE FAILED (the role cannot read the S3 location)',
    arrange: async (stack) => {
      await existing('import-fails')(stack);
      stack.emulator.faults.importFailed({});
    },
    runs: [datasetsOf('import-fails')],
    expected: {
      terminal: 'Dataset Group Datasets Failed',
      errorCode: 'DatasetsFailed',
      groups: 1,
      retried: false,
    },
  },
  {
    id: 'cascade-throttle-delete-campaign',
    fault:
      'Cascade delete: rate-limit LimitExceededException ×8 on DeleteCampaign (more than the SDK retries: the next round deletes it)',
    arrange: async (stack) => {
      await populated('cascade-throttled')(stack);
      stack.emulator.faults.throttle({ count: 8, operation: 'DeleteCampaign' });
    },
    runs: [removeAll('cascade-throttled')],
    expected: { ...deleted(false), skippedPolls: true },
  },
  {
    id: 'cascade-unavailable-list',
    fault: 'Cascade delete: 503 ServiceUnavailable ×8 on ListSolutions',
    arrange: async (stack) => {
      await populated('cascade-unlisted')(stack);
      stack.emulator.faults.serverError({
        count: 8,
        status: 503,
        operation: 'ListSolutions',
      });
    },
    runs: [removeAll('cascade-unlisted')],
    expected: deleted(),
  },
  {
    id: 'cascade-teardown-crash',
    fault:
      'Cascade delete: the teardown function crashes twice after acting (its answer is lost)',
    arrange: async (stack) => {
      await populated('cascade-crashed')(stack);
      stack.lambdaFaults.inject('teardown-dataset-group-children', 'crash', 2);
    },
    runs: [removeAll('cascade-crashed')],
    expected: deleted(),
  },
  {
    id: 'cascade-child-deletion-failed',
    fault:
      'Cascade delete: Personalize gives up deleting a filter (it is back to ACTIVE)',
    arrange: async (stack) => {
      await populated('cascade-stuck')(stack);
      stack.emulator.faults.childDeleteFailed({ kind: 'filter' });
    },
    runs: [removeAll('cascade-stuck')],
    expected: {
      terminal: 'Dataset Group Deletion Failed',
      errorCode: 'DatasetGroupChildDeletionFailed',
      groups: 1,
      retried: false,
    },
  },
];
