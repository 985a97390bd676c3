import { readFileSync } from 'node:fs';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  InvalidArn,
  InvalidExecutionInput,
  InvalidName,
  InvalidToken,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  paginateGetExecutionHistory,
  paginateListStateMachines,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  ValidationException,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalStack,
  startLocalStack,
} from '#local/runtime/local-stack.ts';
import {
  createDatasetGroupDefinitionPath,
  deleteDatasetGroupDefinitionPath,
} from '#local/runtime/state-machine-definition.ts';
import {
  type RunningStepFunctionsEndpoint,
  startStepFunctionsEndpoint,
} from '#local/stepfunctions/index.ts';

/**
 * The Step Functions endpoint as the real @aws-sdk/client-sfn sees it,
 * running the real create workflow of one local stack (one per process).
 * Dataset groups whose name contains "stuck" never turn ACTIVE, so their
 * executions run until they are stopped.
 */
const clientFor = (endpoint: string) =>
  new SFNClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

const eventually = async <T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 5_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const typesOf = (events: HistoryEvent[] | undefined) =>
  (events ?? []).map((event) => event.type);

/**
 * ids from 1; previousEventId the event before, except 0 for the first
 * state entered and for ExecutionAborted (as AWS records them).
 */
const expectServiceNumbering = (events: HistoryEvent[] | undefined) => {
  const all = events ?? [];
  expect(all.map((event) => event.id)).toEqual(
    all.map((_, index) => index + 1),
  );
  expect(all.map((event) => event.previousEventId)).toEqual(
    all.map((event, index) =>
      index === 1 || event.type === 'ExecutionAborted' ? 0 : index,
    ),
  );
};

/**
 * What each Task state entry wrote between its TaskStateEntered and its
 * TaskStateExited (or the execution's end), with the state's name.
 */
const taskEntries = (events: HistoryEvent[] | undefined) => {
  const entries: Array<{ name: string; types: string[] }> = [];
  let current: { name: string; types: string[] } | undefined;
  for (const event of events ?? []) {
    if (event.type === 'TaskStateEntered') {
      current = { name: event.stateEnteredEventDetails?.name ?? '', types: [] };
      entries.push(current);
    } else if (
      event.type === 'TaskStateExited' ||
      /^Execution/.test(event.type ?? '')
    ) {
      current = undefined;
    } else if (current !== undefined && event.type?.endsWith('StateEntered')) {
      throw new Error(`${event.type} inside the Task ${current.name}`);
    } else {
      current?.types.push(event.type ?? '?');
    }
  }
  return entries;
};

const lambdaAttempt = (end: string) => [
  'LambdaFunctionScheduled',
  'LambdaFunctionStarted',
  `LambdaFunction${end}`,
];

const putEventsAttempt = (end: string) => [
  'TaskScheduled',
  'TaskStarted',
  `Task${end}`,
];

const definitionFile = (path: URL) =>
  JSON.parse(readFileSync(path, 'utf8')) as {
    StartAt: string;
    States: Record<string, unknown>;
  };

describe('Step Functions endpoint through @aws-sdk/client-sfn', () => {
  let stack: LocalStack;
  let sfn: RunningStepFunctionsEndpoint;
  let client: SFNClient;
  let stateMachineArn: string;

  beforeAll(async () => {
    stack = await startLocalStack({
      waitMs: 2,
      retryMs: 1,
      emulator: {
        quota: 1_000,
        lifecycle: { pendingMs: 20, inProgressMs: 40, deleteMs: 10 },
      },
    });
    stack.emulator.faults.neverActive({ match: /stuck/ });
    sfn = await startStepFunctionsEndpoint({
      runners: [stack.createWorkflow, stack.deleteWorkflow],
    });
    client = clientFor(sfn.endpoint);
    stateMachineArn = stack.createWorkflow.stateMachineArn;
  });

  afterAll(async () => {
    client?.destroy();
    await sfn?.close();
    await stack?.close();
  });

  const start = (name: string, input: unknown = { name }) =>
    client.send(
      new StartExecutionCommand({
        stateMachineArn,
        name,
        input: JSON.stringify(input),
      }),
    );

  const describeExecution = (executionArn: string | undefined) =>
    client.send(new DescribeExecutionCommand({ executionArn }));

  const settledDescription = (executionArn: string | undefined) =>
    eventually(async () => {
      const description = await describeExecution(executionArn);
      return description.status === 'RUNNING' ? undefined : description;
    });

  const stop = (executionArn: string | undefined) =>
    client.send(new StopExecutionCommand({ executionArn }));

  describe('ListStateMachines', () => {
    it('lists the state machines it serves, in name order, with type and creation date', async () => {
      // Act
      const { stateMachines, nextToken } = await client.send(
        new ListStateMachinesCommand({}),
      );

      // Assess
      expect(nextToken).toBeUndefined();
      expect(stateMachines).toEqual([
        {
          stateMachineArn,
          name: 'create-dataset-group',
          type: 'STANDARD',
          creationDate: expect.any(Date),
        },
        {
          stateMachineArn: stack.deleteWorkflow.stateMachineArn,
          name: 'delete-dataset-group',
          type: 'STANDARD',
          creationDate: stateMachines?.[0]?.creationDate,
        },
      ]);
    });

    it('pages with maxResults and nextToken', async () => {
      // Act
      const pages = [];
      for await (const page of paginateListStateMachines(
        { client, pageSize: 1 },
        {},
      )) {
        pages.push(page);
      }

      // Assess
      expect(
        pages.map((page) => page.stateMachines?.map((m) => m.name)),
      ).toEqual([['create-dataset-group'], ['delete-dataset-group']]);
      expect(pages[0]?.nextToken).toEqual(expect.any(String));
      expect(pages[1]?.nextToken).toBeUndefined();
    });

    it('rejects a page size over 1000 and a token over 1024 characters with the service’s messages', async () => {
      // Act
      const tooLarge = client.send(
        new ListStateMachinesCommand({ maxResults: 1001 }),
      );
      const tooLong = client.send(
        new ListStateMachinesCommand({ nextToken: 't'.repeat(1025) }),
      );

      // Assess
      await expect(tooLarge).rejects.toBeInstanceOf(ValidationException);
      await expect(tooLarge).rejects.toThrow(
        "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
      );
      await expect(tooLong).rejects.toBeInstanceOf(ValidationException);
      await expect(tooLong).rejects.toThrow(
        'Member must have length less than or equal to 1024',
      );
    });

    it('rejects a token it did not issue for this listing as InvalidToken', async () => {
      // Prepare: a token of another listing (an execution's history).
      const { executionArn } = sfn.registry.startExecution({
        stateMachineArn,
        name: 'token-source',
        input: JSON.stringify({ name: 'token-source' }),
      });
      await sfn.registry.settled(executionArn);
      const { nextToken } = await client.send(
        new GetExecutionHistoryCommand({ executionArn, maxResults: 1 }),
      );

      // Act
      const ofHistory = client.send(
        new ListStateMachinesCommand({ nextToken }),
      );
      const garbage = client.send(
        new ListStateMachinesCommand({ nextToken: 'not a token' }),
      );

      // Assess
      expect(nextToken).toEqual(expect.any(String));
      await expect(ofHistory).rejects.toBeInstanceOf(InvalidToken);
      await expect(garbage).rejects.toBeInstanceOf(InvalidToken);
    });
  });

  describe('DescribeStateMachine', () => {
    const describeStateMachine = (arn: string, includedData?: string) =>
      client.send(
        new DescribeStateMachineCommand({
          stateMachineArn: arn,
          ...(includedData !== undefined && { includedData }),
        } as never),
      );

    it.each([
      ['create-dataset-group', createDatasetGroupDefinitionPath],
      ['delete-dataset-group', deleteDatasetGroupDefinitionPath],
    ])('describes %s with the definition as deployed', async (name, path) => {
      // Prepare
      const arn = `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`;
      const file = definitionFile(path);

      // Act
      const description = await describeStateMachine(arn);

      // Assess
      expect(description).toMatchObject({
        stateMachineArn: arn,
        name,
        status: 'ACTIVE',
        roleArn: `arn:aws:iam::000000000000:role/${name}`,
        type: 'STANDARD',
        creationDate: expect.any(Date),
        loggingConfiguration: { level: 'OFF', includeExecutionData: false },
        tracingConfiguration: { enabled: false },
        encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
      });
      const definition = description.definition ?? '';
      expect(definition).not.toContain('${');
      const deployed = JSON.parse(definition) as typeof file;
      expect(deployed.StartAt).toBe(file.StartAt);
      expect(Object.keys(deployed.States)).toEqual(Object.keys(file.States));
      expect(definition).toContain(`"EventBusName": "${stack.bus.name}"`);
      expect(definition).toMatch(
        /"Resource": "arn:aws:lambda:us-east-1:000000000000:function:[a-z-]+"/,
      );
    });

    it('keeps one creation date for the life of the endpoint', async () => {
      // Act
      const first = await describeStateMachine(stateMachineArn);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const again = await describeStateMachine(stateMachineArn, 'ALL_DATA');
      const { stateMachines } = await client.send(
        new ListStateMachinesCommand({}),
      );

      // Assess
      expect(again.creationDate?.getTime()).toBe(first.creationDate?.getTime());
      expect(stateMachines?.[0]?.creationDate?.getTime()).toBe(
        first.creationDate?.getTime(),
      );
    });

    it('gives the creation date it was started with', async () => {
      // Prepare
      const createdAt = new Date('2026-01-02T03:04:05.678Z');
      const dated = await startStepFunctionsEndpoint({
        runners: [stack.createWorkflow],
        stateMachineCreationDate: createdAt,
      });
      const datedClient = clientFor(dated.endpoint);

      try {
        // Act
        const description = await datedClient.send(
          new DescribeStateMachineCommand({ stateMachineArn }),
        );
        const { stateMachines } = await datedClient.send(
          new ListStateMachinesCommand({}),
        );

        // Assess
        expect(description.creationDate).toEqual(createdAt);
        expect(stateMachines?.map((item) => item.creationDate)).toEqual([
          createdAt,
        ]);
      } finally {
        datedClient.destroy();
        await dated.close();
      }
    });

    it.each([
      [
        'a string that is no ARN',
        'nope',
        "Invalid Arn: 'Invalid ARN prefix: nope'",
      ],
      [
        'an execution ARN',
        'arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:x',
        "Invalid Arn: 'Resource type not valid in this context: execution'",
      ],
    ])('rejects %s as InvalidArn', async (_, arn, message) => {
      // Act
      const attempt = describeStateMachine(arn);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidArn);
      await expect(attempt).rejects.toThrow(message);
    });

    it('rejects an unknown state machine as StateMachineDoesNotExist', async () => {
      // Prepare
      const arn = 'arn:aws:states:us-east-1:000000000000:stateMachine:nope';

      // Act
      const attempt = describeStateMachine(arn);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(StateMachineDoesNotExist);
      await expect(attempt).rejects.toThrow(
        `State Machine Does Not Exist: '${arn}'`,
      );
    });

    it('rejects an includedData outside its enum as ValidationException', async () => {
      // Act
      const attempt = describeStateMachine(stateMachineArn, 'EVERYTHING');

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ValidationException);
      await expect(attempt).rejects.toThrow(
        "Value 'EVERYTHING' at 'includedData' failed to satisfy constraint: Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]",
      );
    });
  });

  describe('DescribeStateMachineForExecution', () => {
    it('describes the state machine an execution ran on', async () => {
      // Prepare
      const { executionArn } = sfn.registry.startExecution({
        stateMachineArn,
        name: 'for-execution',
        input: JSON.stringify({ name: 'for-execution-group' }),
      });
      const described = await client.send(
        new DescribeStateMachineCommand({ stateMachineArn }),
      );

      // Act
      const forExecution = await client.send(
        new DescribeStateMachineForExecutionCommand({ executionArn }),
      );

      // Assess
      expect(forExecution).toMatchObject({
        stateMachineArn,
        name: 'create-dataset-group',
        definition: described.definition,
        roleArn: described.roleArn,
        updateDate: described.creationDate,
        loggingConfiguration: described.loggingConfiguration,
        tracingConfiguration: described.tracingConfiguration,
      });
      await sfn.registry.settled(executionArn);
    });

    it('rejects an unknown execution as ExecutionDoesNotExist and a state machine ARN as InvalidArn', async () => {
      // Act
      const unknown = client.send(
        new DescribeStateMachineForExecutionCommand({
          executionArn:
            'arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:ghost',
        }),
      );
      const wrongType = client.send(
        new DescribeStateMachineForExecutionCommand({
          executionArn: stateMachineArn,
        }),
      );

      // Assess
      await expect(unknown).rejects.toBeInstanceOf(ExecutionDoesNotExist);
      await expect(wrongType).rejects.toBeInstanceOf(InvalidArn);
      await expect(wrongType).rejects.toThrow(
        'Resource type not valid in this context: stateMachine',
      );
    });
  });

  describe('StartExecution and DescribeExecution', () => {
    it('runs the workflow to SUCCEEDED with its output and dates', async () => {
      // Act
      const started = await start('happy-path', { name: 'happy-group' });
      const running = await describeExecution(started.executionArn);
      const done = await settledDescription(started.executionArn);

      // Assess
      expect(started.executionArn).toBe(
        'arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:happy-path',
      );
      expect(started.startDate).toBeInstanceOf(Date);
      expect(running).toMatchObject({
        status: 'RUNNING',
        name: 'happy-path',
        stateMachineArn,
        input: '{"name":"happy-group"}',
      });
      expect(running.stopDate).toBeUndefined();
      expect(done.status).toBe('SUCCEEDED');
      expect(done.startDate?.getTime()).toBe(started.startDate?.getTime());
      expect(done.stopDate?.getTime()).toBeGreaterThanOrEqual(
        done.startDate?.getTime() ?? Number.POSITIVE_INFINITY,
      );
      expect(JSON.parse(done.output ?? 'null')).toMatchObject({
        correlationId: 'happy-path',
        progress: { datasetGroup: { name: 'happy-group', status: 'ACTIVE' } },
      });
    });

    it('names the execution with a UUID when the request has no name', async () => {
      // Act
      const started = await client.send(
        new StartExecutionCommand({
          stateMachineArn,
          input: JSON.stringify({ name: 'unnamed-group' }),
        }),
      );
      const done = await settledDescription(started.executionArn);

      // Assess
      expect(done.name).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      expect(started.executionArn?.endsWith(`:${done.name}`)).toBe(true);
    });

    it('answers the same execution when name and input repeat while it runs', async () => {
      // Prepare
      const first = await start('stuck-idempotent');

      // Act
      const second = await start('stuck-idempotent');

      // Assess
      expect(second.executionArn).toBe(first.executionArn);
      expect(second.startDate?.getTime()).toBe(first.startDate?.getTime());
      const listed = await client.send(
        new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }),
      );
      expect(
        listed.executions?.filter((item) => item.name === 'stuck-idempotent'),
      ).toHaveLength(1);
      await stop(first.executionArn);
    });

    it('rejects the name of a running execution with another input as ExecutionAlreadyExists', async () => {
      // Prepare
      const running = await start('stuck-other-input');

      // Act
      const attempt = start('stuck-other-input', { name: 'another-group' });

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ExecutionAlreadyExists);
      await expect(attempt).rejects.toThrow(running.executionArn ?? '?');
      await stop(running.executionArn);
    });

    it('rejects the name of a finished execution as ExecutionAlreadyExists, even with the same input', async () => {
      // Prepare
      const finished = await start('finished-once');
      await settledDescription(finished.executionArn);

      // Act
      const attempt = start('finished-once');

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ExecutionAlreadyExists);
      await expect(attempt).rejects.toMatchObject({
        $metadata: { httpStatusCode: 400 },
      });
    });

    it.each([
      ['an empty name', ''],
      ['a name of 81 characters', 'a'.repeat(81)],
      ['a name with a space', 'two words'],
      ['a name with a slash', 'a/b'],
      ['a name with a colon', 'a:b'],
      ['a name with a bracket', 'a[0]'],
      ['a name with a wildcard', 'a*'],
      ['a name with a control character', 'a\u0007b'],
    ])('rejects %s as InvalidName', async (_, name) => {
      // Act
      const attempt = client.send(
        new StartExecutionCommand({ stateMachineArn, name, input: '{}' }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidName);
    });

    it('accepts a name of 80 characters, the longest allowed', async () => {
      // Act
      const started = await start(`stuck-${'n'.repeat(74)}`);

      // Assess
      expect(started.executionArn?.endsWith(`:stuck-${'n'.repeat(74)}`)).toBe(
        true,
      );
      await stop(started.executionArn);
    });

    it('rejects an input that is not JSON as InvalidExecutionInput', async () => {
      // Act
      const attempt = client.send(
        new StartExecutionCommand({
          stateMachineArn,
          name: 'not-json',
          input: '{name:',
        }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidExecutionInput);
    });

    it('rejects an input over 256 KiB', async () => {
      // Act
      const attempt = start('too-big', { name: 'x'.repeat(256 * 1024) });

      // Assess
      await expect(attempt).rejects.toMatchObject({
        name: 'ValidationException',
        $metadata: { httpStatusCode: 400 },
      });
    });

    it('rejects an unknown state machine as StateMachineDoesNotExist and a malformed ARN as InvalidArn', async () => {
      // Act
      const unknown = client.send(
        new StartExecutionCommand({
          stateMachineArn:
            'arn:aws:states:us-east-1:000000000000:stateMachine:nope',
        }),
      );
      const malformed = client.send(
        new StartExecutionCommand({ stateMachineArn: 'nope' }),
      );

      // Assess
      await expect(unknown).rejects.toBeInstanceOf(StateMachineDoesNotExist);
      await expect(malformed).rejects.toBeInstanceOf(InvalidArn);
    });

    it('rejects an unknown execution as ExecutionDoesNotExist', async () => {
      // Act
      const attempt = describeExecution(
        'arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:never-started',
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ExecutionDoesNotExist);
      await expect(attempt).rejects.toThrow('never-started');
    });
  });

  describe('ListExecutions', () => {
    let listing: RunningStepFunctionsEndpoint;
    let listingClient: SFNClient;

    beforeAll(async () => {
      // A registry of its own, so the counts are exact.
      listing = await startStepFunctionsEndpoint({
        runners: [stack.createWorkflow],
      });
      listingClient = clientFor(listing.endpoint);
      for (const name of ['list-a', 'list-b', 'list-c']) {
        const { executionArn } = listing.registry.startExecution({
          stateMachineArn,
          name,
          input: JSON.stringify({ name }),
        });
        await listing.registry.settled(executionArn);
      }
      listing.registry.startExecution({
        stateMachineArn,
        name: 'list-stuck',
        input: JSON.stringify({ name: 'list-stuck' }),
      });
    });

    afterAll(async () => {
      listingClient?.destroy();
      await listing?.close();
    });

    const list = (input: Record<string, unknown>) =>
      listingClient.send(
        new ListExecutionsCommand({ stateMachineArn, ...input }),
      );

    it('lists the executions newest first, filtered by status', async () => {
      // Act
      const all = await list({});
      const succeeded = await list({ statusFilter: 'SUCCEEDED' });
      const running = await list({ statusFilter: 'RUNNING' });
      const failed = await list({ statusFilter: 'FAILED' });

      // Assess
      expect(all.executions?.map((item) => item.name)).toEqual([
        'list-stuck',
        'list-c',
        'list-b',
        'list-a',
      ]);
      expect(succeeded.executions?.map((item) => item.name)).toEqual([
        'list-c',
        'list-b',
        'list-a',
      ]);
      expect(succeeded.executions?.[0]?.stopDate).toBeInstanceOf(Date);
      expect(running.executions).toMatchObject([
        { name: 'list-stuck', status: 'RUNNING' },
      ]);
      expect(running.executions?.[0]?.stopDate).toBeUndefined();
      expect(failed.executions).toEqual([]);
    });

    it('pages with maxResults and nextToken', async () => {
      // Act
      const first = await list({ statusFilter: 'SUCCEEDED', maxResults: 2 });
      const second = await list({
        statusFilter: 'SUCCEEDED',
        maxResults: 2,
        nextToken: first.nextToken,
      });

      // Assess
      expect(first.executions?.map((item) => item.name)).toEqual([
        'list-c',
        'list-b',
      ]);
      expect(first.nextToken).toEqual(expect.any(String));
      expect(second.executions?.map((item) => item.name)).toEqual(['list-a']);
      expect(second.nextToken).toBeUndefined();
    });

    it('rejects a token of another listing, or garbage, as InvalidToken', async () => {
      // Prepare
      const { nextToken } = await list({ maxResults: 1 });

      // Act
      const otherFilter = list({ statusFilter: 'SUCCEEDED', nextToken });
      const garbage = list({ nextToken: 'not a token' });

      // Assess
      await expect(otherFilter).rejects.toBeInstanceOf(InvalidToken);
      await expect(garbage).rejects.toBeInstanceOf(InvalidToken);
    });

    it('rejects an unknown state machine as StateMachineDoesNotExist', async () => {
      // Act
      const attempt = list({
        stateMachineArn:
          'arn:aws:states:us-east-1:000000000000:stateMachine:nope',
      });

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    });
  });

  describe('GetExecutionHistory', () => {
    let executionArn: string;
    let failedArn: string;
    let retriedArn: string;

    beforeAll(async () => {
      ({ executionArn } = sfn.registry.startExecution({
        stateMachineArn,
        name: 'history',
        input: JSON.stringify({ name: 'history-group' }),
      }));
      ({ executionArn: failedArn } = sfn.registry.startExecution({
        stateMachineArn,
        name: 'history-rejected',
        input: JSON.stringify({ name: 'not a valid name!' }),
      }));
      await sfn.registry.settled(executionArn);
      await sfn.registry.settled(failedArn);
      // More throttles than the SDK retries inside one invocation, so the
      // state machine's Retry runs the task again.
      stack.emulator.faults.throttle({
        count: 4,
        operation: 'CreateDatasetGroup',
      });
      ({ executionArn: retriedArn } = sfn.registry.startExecution({
        stateMachineArn,
        name: 'history-retried',
        input: JSON.stringify({ name: 'history-retried-group' }),
      }));
      await sfn.registry.settled(retriedArn);
    });

    const history = (input: Record<string, unknown>, arn = executionArn) =>
      client.send(
        new GetExecutionHistoryCommand({
          executionArn: arn,
          ...input,
        } as never),
      );

    it('shows the run from ExecutionStarted to ExecutionSucceeded, numbered as the service numbers it', async () => {
      // Act
      const { events, nextToken } = await history({});

      // Assess
      expect(nextToken).toBeUndefined();
      const all = events ?? [];
      expectServiceNumbering(all);
      expect(all[0]).toMatchObject({
        type: 'ExecutionStarted',
        executionStartedEventDetails: {
          input: '{"name":"history-group"}',
          roleArn: 'arn:aws:iam::000000000000:role/create-dataset-group',
        },
      });
      expect(all[0]?.timestamp).toBeInstanceOf(Date);
      expect(all).toContainEqual(
        expect.objectContaining({
          type: 'ChoiceStateEntered',
          stateEnteredEventDetails: expect.objectContaining({
            name: 'IsDatasetGroupSettled',
          }),
        }),
      );
      expect(all.at(-1)?.type).toBe('ExecutionSucceeded');
      expect(
        JSON.parse(all.at(-1)?.executionSucceededEventDetails?.output ?? '{}'),
      ).toMatchObject({ progress: { datasetGroup: { status: 'ACTIVE' } } });
    });

    it('writes each Lambda task and putEvents task attempt between its state’s Entered and Exited', async () => {
      // Act
      const { events } = await history({});

      // Assess
      const entries = taskEntries(events);
      expect(entries.map((entry) => entry.name)).toEqual([
        'CreateDatasetGroup',
        'PublishCreationStarted',
        'DescribeDatasetGroup',
        'PublishDatasetGroupCreated',
      ]);
      expect(entries.map((entry) => entry.types)).toEqual([
        lambdaAttempt('Succeeded'),
        putEventsAttempt('Succeeded'),
        lambdaAttempt('Succeeded'),
        putEventsAttempt('Succeeded'),
      ]);
      const find = (type: string) =>
        (events ?? []).find((event) => event.type === type);
      expect(find('LambdaFunctionScheduled')).toMatchObject({
        lambdaFunctionScheduledEventDetails: {
          resource:
            'arn:aws:lambda:us-east-1:000000000000:function:create-dataset-group',
          inputDetails: { truncated: false },
          timeoutInSeconds: 60,
        },
      });
      expect(
        JSON.parse(
          find('LambdaFunctionScheduled')?.lambdaFunctionScheduledEventDetails
            ?.input ?? '{}',
        ),
      ).toMatchObject({
        request: { name: 'history-group' },
        executionName: 'history',
      });
      expect(find('TaskScheduled')?.taskScheduledEventDetails).toMatchObject({
        resourceType: 'events',
        resource: 'putEvents',
        region: 'us-east-1',
      });
      expect(
        JSON.parse(
          find('TaskScheduled')?.taskScheduledEventDetails?.parameters ?? '{}',
        ),
      ).toMatchObject({
        Entries: [{ DetailType: 'Dataset Group Creation Started' }],
      });
      expect(
        find('TaskScheduled')?.taskScheduledEventDetails?.timeoutInSeconds,
      ).toBeUndefined();
      expect(
        JSON.parse(
          find('TaskSucceeded')?.taskSucceededEventDetails?.output ?? '{}',
        ),
      ).toEqual({
        Entries: [{ EventId: expect.any(String) }],
        FailedEntryCount: 0,
      });
    });

    it('writes every retried attempt as its own Scheduled, Started and Failed group', async () => {
      // Act
      const { events } = await history({}, retriedArn);

      // Assess
      expectServiceNumbering(events);
      const [create] = taskEntries(events);
      const groups = Array.from(
        { length: (create?.types.length ?? 0) / 3 },
        (_, index) => create?.types.slice(index * 3, index * 3 + 3),
      );
      expect(create?.types.length).toBeGreaterThanOrEqual(6);
      expect(groups.at(-1)).toEqual(lambdaAttempt('Succeeded'));
      expect(groups.slice(0, -1)).toEqual(
        groups.slice(0, -1).map(() => lambdaAttempt('Failed')),
      );
      const failed = (events ?? []).find(
        (event) => event.type === 'LambdaFunctionFailed',
      )?.lambdaFunctionFailedEventDetails;
      expect(JSON.parse(failed?.cause ?? '{}')).toMatchObject({
        errorType: failed?.error,
        errorMessage: expect.stringContaining('CreateDatasetGroup'),
      });
      expect(typesOf(events).at(-1)).toBe('ExecutionSucceeded');
    });

    it('gives the same events newest first with reverseOrder', async () => {
      // Act
      const forward = await history({});
      const backward = await history({ reverseOrder: true });

      // Assess
      expect(backward.events).toEqual([...(forward.events ?? [])].reverse());
      expect(backward.events?.[0]?.type).toBe('ExecutionSucceeded');
    });

    it('pages through every event with maxResults, in both orders', async () => {
      // Prepare
      const { events } = await history({});
      const collect = async (reverseOrder: boolean) => {
        const ids: Array<number | undefined> = [];
        for await (const page of paginateGetExecutionHistory(
          { client, pageSize: 3 },
          { executionArn, reverseOrder },
        )) {
          expect(page.events?.length).toBeLessThanOrEqual(3);
          ids.push(...(page.events ?? []).map((event) => event.id));
        }
        return ids;
      };

      // Act
      const forward = await collect(false);
      const backward = await collect(true);

      // Assess
      const expected = (events ?? []).map((event) => event.id);
      expect(forward).toEqual(expected);
      expect(backward).toEqual([...expected].reverse());
    });

    it('leaves inputs, outputs and task parameters out when includeExecutionData is false', async () => {
      // Act
      const full = await history({});
      const { events } = await history({ includeExecutionData: false });

      // Assess
      expect(events?.[0]?.executionStartedEventDetails).toEqual({
        inputDetails: { truncated: false },
        roleArn: 'arn:aws:iam::000000000000:role/create-dataset-group',
      });
      expect(typesOf(events)).toEqual(typesOf(full.events));
      expect(
        events?.find((event) => event.type === 'LambdaFunctionScheduled')
          ?.lambdaFunctionScheduledEventDetails,
      ).toEqual({
        resource:
          'arn:aws:lambda:us-east-1:000000000000:function:create-dataset-group',
        inputDetails: { truncated: false },
        timeoutInSeconds: 60,
      });
      expect(JSON.stringify(events)).not.toMatch(/"(input|output|parameters)"/);
    });

    it('records a caught Lambda failure as LambdaFunctionFailed, then the Task’s exit, and the end as ExecutionFailed', async () => {
      // Act
      const { events } = await history({}, failedArn);
      const description = await describeExecution(failedArn);

      // Assess
      expectServiceNumbering(events);
      const [create, ...others] = taskEntries(events);
      expect(create).toEqual({
        name: 'CreateDatasetGroup',
        types: lambdaAttempt('Failed'),
      });
      expect(others.map((entry) => entry.name)).toEqual([
        'PublishCreationFailed',
      ]);
      const failedTask = events?.find(
        (event) => event.type === 'LambdaFunctionFailed',
      );
      expect(failedTask?.lambdaFunctionFailedEventDetails).toMatchObject({
        error: 'InvalidDatasetGroupRequestError',
      });
      expect(
        JSON.parse(failedTask?.lambdaFunctionFailedEventDetails?.cause ?? '{}'),
      ).toMatchObject({ errorType: 'InvalidDatasetGroupRequestError' });
      // The event after it (ids count from 1).
      const exit = events?.[failedTask?.id ?? 0];
      expect(exit).toMatchObject({
        type: 'TaskStateExited',
        stateExitedEventDetails: { name: 'CreateDatasetGroup' },
      });
      expect(
        JSON.parse(exit?.stateExitedEventDetails?.output ?? '{}'),
      ).toMatchObject({
        failure: {
          Error: 'InvalidDatasetGroupRequestError',
          Cause: failedTask?.lambdaFunctionFailedEventDetails?.cause,
        },
      });
      expect(typesOf(events).slice(-2)).toEqual([
        'FailStateEntered',
        'ExecutionFailed',
      ]);
      expect(description).toMatchObject({
        status: 'FAILED',
        error: events?.at(-1)?.executionFailedEventDetails?.error,
      });
    });
  });

  describe('StopExecution', () => {
    it('aborts a running execution with the error and cause of the request', async () => {
      // Prepare
      const { executionArn } = await start('stuck-stop');
      await eventually(async () => {
        const { events } = await client.send(
          new GetExecutionHistoryCommand({ executionArn }),
        );
        return typesOf(events).includes('WaitStateEntered') ? true : undefined;
      });

      // Act
      const stopped = await client.send(
        new StopExecutionCommand({
          executionArn,
          error: 'Operator.Cancelled',
          cause: 'No longer needed',
        }),
      );
      const description = await describeExecution(executionArn);
      const { events } = await client.send(
        new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }),
      );

      // Assess
      expect(stopped.stopDate).toBeInstanceOf(Date);
      expect(description).toMatchObject({
        status: 'ABORTED',
        error: 'Operator.Cancelled',
        cause: 'No longer needed',
      });
      expect(description.stopDate?.getTime()).toBe(stopped.stopDate?.getTime());
      expect(events?.[0]).toMatchObject({
        type: 'ExecutionAborted',
        previousEventId: 0,
        executionAbortedEventDetails: {
          error: 'Operator.Cancelled',
          cause: 'No longer needed',
        },
      });
      // As AWS records a stop: nothing for the state it was in.
      expect(typesOf(events)).not.toContainEqual(
        expect.stringMatching(/StateAborted$/),
      );
      expect(typesOf(events)).not.toContain('ExecutionSucceeded');
    });

    it('leaves a finished execution as it was', async () => {
      // Prepare
      const { executionArn } = await start('stop-after-success');
      const done = await settledDescription(executionArn);

      // Act
      const stopped = await stop(executionArn);

      // Assess
      expect(stopped.stopDate?.getTime()).toBe(done.stopDate?.getTime());
      expect(await describeExecution(executionArn)).toMatchObject({
        status: 'SUCCEEDED',
      });
    });

    it('rejects an unknown execution as ExecutionDoesNotExist', async () => {
      // Act
      const attempt = stop(
        'arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:ghost',
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    });
  });
});
