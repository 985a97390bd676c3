import {
  EventBridgeClient,
  PutEventsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  DescribeDatasetGroupCommand,
  PersonalizeClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import {
  DescribeExecutionCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliOptions } from '#cli/cli-options.ts';
import { runCli } from '#cli/commands.ts';
import {
  type LocalServer,
  startLocalServer,
} from '#local/commands/serve/local-server.ts';
import type { BusEvent } from '#local/runtime/event-bus.ts';

/**
 * The stack `npm run local` serves, booted in-process on ephemeral ports
 * and driven through the real AWS SDK clients and plain HTTP.
 */
describe('local stack on 127.0.0.1', () => {
  let server: LocalServer;
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  let sfn: SFNClient;
  let eventBridge: EventBridgeClient;
  let personalize: PersonalizeClient;

  beforeAll(async () => {
    server = await startLocalServer({
      ports: {
        api: 0,
        stepFunctions: 0,
        eventBridge: 0,
        personalize: 0,
        console: 0,
      },
      waitMs: 5,
      retryMs: 1,
      emulator: {
        quota: 50,
        lifecycle: { pendingMs: 20, inProgressMs: 60, deleteMs: 20 },
      },
    });
    const region = 'us-east-1';
    sfn = new SFNClient({
      endpoint: server.description.stepFunctionsEndpoint as string,
      region,
      credentials,
    });
    eventBridge = new EventBridgeClient({
      endpoint: server.description.eventBridgeEndpoint as string,
      region,
      credentials,
    });
    personalize = new PersonalizeClient({
      endpoint: server.description.personalizeEndpoint as string,
      region,
      credentials,
    });
  });

  afterAll(async () => {
    for (const client of [sfn, eventBridge, personalize]) client?.destroy();
    await server?.close();
  });

  const api = (path: string, init?: RequestInit) =>
    fetch(`${server.description.apiUrl}${path}`, init);

  /** Resolves with the first bus event that matches, or fails after 10 s. */
  const nextEvent = (matches: (event: BusEvent) => boolean) =>
    new Promise<BusEvent>((resolve, reject) => {
      const existing = server.stack.bus.events.find(matches);
      if (existing !== undefined) {
        resolve(existing);
        return;
      }
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error('No matching event within 10 s'));
      }, 10_000);
      const unsubscribe = server.stack.bus.subscribe((event) => {
        if (!matches(event)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(event);
      });
    });

  const terminalFor = (name: string, detailType: string) =>
    nextEvent(
      (event) =>
        event['detail-type'] === detailType &&
        (event.detail as { request?: { name?: string } }).request?.name ===
          name,
    );

  const createThroughApi = async (name: string) => {
    const response = await api('/dataset-groups', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    expect(response.status).toBe(202);
    await terminalFor(name, 'Dataset Group Created');
  };

  it('creates through the HTTP API and publishes Dataset Group Created', async () => {
    // Act
    const response = await api('/dataset-groups', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'via-api', domain: 'ECOMMERCE' }),
    });
    const started = (await response.json()) as { executionArn: string };
    const created = await terminalFor('via-api', 'Dataset Group Created');

    // Assess
    expect(response.status).toBe(202);
    expect(created.resources).toContain(started.executionArn);
    const group = await api('/dataset-groups/via-api');
    expect(await group.json()).toMatchObject({
      name: 'via-api',
      status: 'ACTIVE',
      domain: 'ECOMMERCE',
    });
  });

  it('answers a replay while the first run is RUNNING, and after it, with the first execution', async () => {
    // Prepare: the emulator answers polls late, so the run stays RUNNING
    // while it is replayed.
    const post = (body: unknown) =>
      api('/dataset-groups', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'replayed-while-running',
        },
        body: JSON.stringify(body),
      });
    server.stack.emulator.faults.latency(500, 'DescribeDatasetGroup');
    let first: Response;
    let replay: Response;
    let statusAfterReplay: string | undefined;
    try {
      // Act
      first = await post({ name: 'replayed' });
      replay = await post({ name: 'replayed' });
      const started = (await first.clone().json()) as { executionArn: string };
      ({ status: statusAfterReplay } = await sfn.send(
        new DescribeExecutionCommand({ executionArn: started.executionArn }),
      ));
    } finally {
      server.stack.emulator.faults.latency(0, 'DescribeDatasetGroup');
    }
    await terminalFor('replayed', 'Dataset Group Created');
    const afterRun = await post({ name: 'replayed' });
    const otherBody = await post({ name: 'replayed', domain: 'ECOMMERCE' });

    // Assess
    const firstBody = (await first.json()) as Record<string, unknown>;
    expect(first.status).toBe(202);
    expect(firstBody.idempotentReplay).toBeUndefined();
    // Still RUNNING after the replay was answered: it was RUNNING during it.
    expect(statusAfterReplay).toBe('RUNNING');
    for (const again of [replay, afterRun]) {
      expect(again.status).toBe(202);
      expect(await again.json()).toEqual({
        ...firstBody,
        idempotentReplay: true,
      });
    }
    expect(otherBody.status).toBe(409);
    const { executions } = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: server.description.createStateMachineArn as string,
      }),
    );
    expect(
      (executions ?? []).filter(
        (execution) => execution.name === firstBody.executionName,
      ),
    ).toHaveLength(1);
  });

  it('creates the datasets a POST declares through the rule on Dataset Group Created, once even when the trigger is delivered twice', async () => {
    // Prepare: the trigger times out after starting the execution, so
    // EventBridge delivers the Created event to it again.
    server.stack.lambdaFaults.inject('on-dataset-group-created', 'timeout');
    const users = {
      datasetType: 'Users',
      schema: {
        definition: {
          type: 'record',
          name: 'Users',
          fields: [{ name: 'USER_ID', type: 'string' }],
        },
      },
    };

    // Act
    const response = await api('/dataset-groups', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'with-users', datasets: [users] }),
    });
    const ready = await nextEvent(
      (event) =>
        event['detail-type'] === 'Dataset Group Datasets Ready' &&
        (event.detail as { datasetGroup?: { name?: string } }).datasetGroup
          ?.name === 'with-users',
    );
    await server.eventBridge.idle();

    // Assess
    expect(response.status).toBe(202);
    expect(ready.detail).toMatchObject({
      datasets: [
        {
          datasetType: 'Users',
          status: 'ACTIVE',
          datasetArn:
            'arn:aws:personalize:us-east-1:000000000000:dataset/with-users/USERS',
        },
      ],
    });
    expect(server.eventBridge.deliveries.retried).toBeGreaterThanOrEqual(1);
    const { executions } = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: server.stack.createDatasetsWorkflow.stateMachineArn,
      }),
    );
    expect(
      executions?.filter((execution) => execution.status === 'SUCCEEDED'),
    ).toHaveLength(1);
  });

  it('creates from a PutEvents of Dataset Group Create Requested, once even when the event is delivered twice', async () => {
    // Prepare: the trigger times out after starting the execution, so
    // EventBridge delivers the same event again.
    server.stack.lambdaFaults.inject('on-create-requested', 'timeout');

    // Act
    const put = await eventBridge.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: server.description.eventBusName as string,
            Source: server.description.eventSource as string,
            DetailType: 'Dataset Group Create Requested',
            Detail: JSON.stringify({ name: 'via-event' }),
          },
        ],
      }),
    );
    await terminalFor('via-event', 'Dataset Group Created');
    await server.eventBridge.idle();

    // Assess
    expect(put.FailedEntryCount).toBe(0);
    expect(server.eventBridge.deliveries.retried).toBeGreaterThanOrEqual(1);
    const { executions } = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: server.description.createStateMachineArn as string,
      }),
    );
    const forEvent = (executions ?? []).filter((execution) =>
      execution.name?.startsWith('event-'),
    );
    expect(forEvent).toHaveLength(1);
    expect(
      server.stack.bus.events.filter(
        (event) =>
          event['detail-type'] === 'Dataset Group Created' &&
          (event.detail as { request: { name: string } }).request.name ===
            'via-event',
      ),
    ).toHaveLength(1);
  });

  it('shows the states an execution went through in GetExecutionHistory', async () => {
    // Prepare
    const response = await api('/dataset-groups', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'with-history' }),
    });
    const { executionArn } = (await response.json()) as {
      executionArn: string;
    };
    await terminalFor('with-history', 'Dataset Group Created');

    // Act
    const { events } = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn }),
    );

    // Assess
    const entered = (events ?? []).flatMap((event) =>
      event.stateEnteredEventDetails?.name === undefined
        ? []
        : [event.stateEnteredEventDetails.name],
    );
    expect(entered).toEqual(
      expect.arrayContaining([
        'CreateDatasetGroup',
        'IsDatasetGroupSettled',
        'DescribeDatasetGroup',
        'PublishDatasetGroupCreated',
      ]),
    );
    expect(events?.at(-1)?.type).toBe('ExecutionSucceeded');
  });

  it('serves the three state machines, and the one an HTTP API execution ran on', async () => {
    // Prepare
    const response = await api('/dataset-groups', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'state-machine-of' }),
    });
    const { executionArn } = (await response.json()) as {
      executionArn: string;
    };
    await terminalFor('state-machine-of', 'Dataset Group Created');

    // Act
    const { stateMachines } = await sfn.send(new ListStateMachinesCommand({}));
    const forExecution = await sfn.send(
      new DescribeStateMachineForExecutionCommand({ executionArn }),
    );

    // Assess
    expect(stateMachines?.map((item) => item.stateMachineArn)).toEqual([
      server.description.createStateMachineArn,
      server.stack.createDatasetsWorkflow.stateMachineArn,
      server.description.deleteStateMachineArn,
    ]);
    expect(forExecution.stateMachineArn).toBe(
      server.description.createStateMachineArn,
    );
    expect(JSON.parse(forExecution.definition ?? '{}')).toMatchObject({
      StartAt: 'ShapeState',
    });
  });

  it('deletes through the HTTP API; Describe then raises ResourceNotFoundException', async () => {
    // Prepare
    await createThroughApi('to-delete');

    // Act
    const response = await api('/dataset-groups/to-delete', {
      method: 'DELETE',
    });
    await terminalFor('to-delete', 'Dataset Group Deleted');

    // Assess
    expect(response.status).toBe(202);
    await expect(
      personalize.send(
        new DescribeDatasetGroupCommand({
          datasetGroupArn:
            'arn:aws:personalize:us-east-1:000000000000:dataset-group/to-delete',
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('publishes Dataset Group Deletion Failed while the group holds datasets', async () => {
    // Prepare
    await createThroughApi('has-datasets');
    server.stack.emulator.markHasDatasets('has-datasets', true);

    // Act
    await eventBridge.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: server.description.eventBusName as string,
            Source: server.description.eventSource as string,
            DetailType: 'Dataset Group Delete Requested',
            Detail: JSON.stringify({ name: 'has-datasets' }),
          },
        ],
      }),
    );
    const failed = await terminalFor(
      'has-datasets',
      'Dataset Group Deletion Failed',
    );

    // Assess
    expect(failed.detail).toMatchObject({
      error: { code: 'DatasetGroupInUseError' },
    });
  });

  it('serves the CLI: create follows the workflow to ACTIVE, status shows it', async () => {
    // Prepare
    const lines: string[] = [];
    const io = {
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(`ERR ${line}`),
    };
    const endpoint = server.description.apiUrl;

    // Act
    const created = await runCli(
      parseCliOptions(['create', 'from-cli', '--endpoint', endpoint]),
      io,
    );
    const status = await runCli(
      parseCliOptions(['status', 'from-cli', '--endpoint', endpoint, '--json']),
      io,
    );

    // Assess
    expect(created).toBe(0);
    expect(status).toBe(0);
    expect(lines.join('\n')).toMatch(/Dataset group from-cli is ACTIVE/);
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({
      name: 'from-cli',
      status: 'ACTIVE',
    });
  });
});
