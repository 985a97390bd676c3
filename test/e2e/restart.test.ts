import { setTimeout as sleep } from 'node:timers/promises';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { readBusEvents } from '#local/persistence/bus-event-rows.ts';
import { StackDatabase } from '#local/persistence/stack-database.ts';
import { serveProcesses, waitUntilReady } from '#test/helpers/serve-process.ts';

const processes = serveProcesses('restart-e2e-');
const inFlight = 20;

const serve = (directory: string) =>
  processes.serve(['--dir', directory, '--port-base', '0']);

const sfnClient = (endpoint: string) =>
  new SFNClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

const post = async (apiUrl: string, name: string, key: string) => {
  const response = await fetch(`${apiUrl}/dataset-groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ name }),
  });
  expect(response.status).toBe(202);
  return (await response.json()) as {
    executionArn: string;
    executionName: string;
    idempotentReplay?: boolean;
  };
};

/** Polls until no execution is RUNNING (at most `timeoutMs`). */
const settle = async (
  sfn: SFNClient,
  executionArns: readonly string[],
  timeoutMs = 30_000,
) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await Promise.all(
      executionArns.map(
        async (executionArn) =>
          (await sfn.send(new DescribeExecutionCommand({ executionArn })))
            .status,
      ),
    );
    if (!statuses.includes('RUNNING') || Date.now() > deadline) {
      return statuses;
    }
    await sleep(100);
  }
};

describe('npm run local after a kill -9', () => {
  it('finds its groups, executions and events again, and runs the interrupted executions to one terminal event each', async () => {
    // Prepare
    const directory = processes.newDirectory();
    const first = serve(directory);
    const before = await waitUntilReady(first, directory);
    const sfnBefore = sfnClient(before.stepFunctionsEndpoint);
    const earlier = await post(before.apiUrl, 'earlier-group', 'earlier');
    expect(await settle(sfnBefore, [earlier.executionArn])).toEqual([
      'SUCCEEDED',
    ]);
    const started = await Promise.all(
      Array.from({ length: inFlight }, (_, index) =>
        post(before.apiUrl, `tenant-${index}`, `key-${index}`),
      ),
    );
    const statusesAtKill = await Promise.all(
      started.map(
        async ({ executionArn }) =>
          (await sfnBefore.send(new DescribeExecutionCommand({ executionArn })))
            .status,
      ),
    );

    // Act
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const second = serve(directory);
    const after = await waitUntilReady(second, directory);
    const sfn = sfnClient(after.stepFunctionsEndpoint);
    const statuses = await settle(
      sfn,
      started.map(({ executionArn }) => executionArn),
    );
    const replay = await post(after.apiUrl, 'tenant-0', 'key-0');

    // Assess
    expect(statusesAtKill.filter((status) => status === 'RUNNING').length).toBe(
      inFlight,
    );
    expect(statuses).toEqual(Array(inFlight).fill('SUCCEEDED'));
    const groups = (await (
      await fetch(`${after.apiUrl}/dataset-groups`)
    ).json()) as { datasetGroups: Array<{ name: string; status: string }> };
    expect(groups.datasetGroups.map((group) => group.name).sort()).toEqual(
      [
        'earlier-group',
        ...Array.from({ length: inFlight }, (_, i) => `tenant-${i}`),
      ].sort(),
    );
    const database = new StackDatabase(after.databaseFile, { readOnly: true });
    const events = readBusEvents(database).map(({ event }) => event);
    database.close();
    for (const { executionArn } of [earlier, ...started]) {
      const terminal = events.filter(
        (event) =>
          event.resources.includes(executionArn) &&
          ['Dataset Group Created', 'Dataset Group Creation Failed'].includes(
            event['detail-type'],
          ),
      );
      expect(terminal.map((event) => event['detail-type'])).toEqual([
        'Dataset Group Created',
      ]);
    }
    const { executions } = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: after.createStateMachineArn,
      }),
    );
    expect(executions?.map((execution) => execution.executionArn)).toContain(
      earlier.executionArn,
    );
    for (const { executionArn } of started) {
      const { events: history = [] } = await sfn.send(
        new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }),
      );
      const types = history.map((event) => event.type);
      expect(types.filter((type) => type === 'ExecutionStarted')).toHaveLength(
        1,
      );
      expect(types.filter((type) => type === 'ExecutionRedriven')).toHaveLength(
        1,
      );
      expect(types.at(-1)).toBe('ExecutionSucceeded');
      expect(history.map((event) => event.id)).toEqual(
        history.map((_, index) => index + 1),
      );
    }
    expect(replay).toMatchObject({
      executionArn: started[0]?.executionArn,
      idempotentReplay: true,
    });
  }, 90_000);

  it('lets executions a Ctrl-C interrupted run again at the next start, and --reset forgets everything', async () => {
    // Prepare
    const directory = processes.newDirectory();
    const first = serve(directory);
    const before = await waitUntilReady(first, directory);
    const started = await Promise.all(
      [0, 1, 2].map((index) =>
        post(before.apiUrl, `ctrl-c-${index}`, `ctrl-c-${index}`),
      ),
    );

    // Act
    first.child.kill('SIGINT');
    const code = await first.exited;
    const second = serve(directory);
    const after = await waitUntilReady(second, directory);
    const statuses = await settle(
      sfnClient(after.stepFunctionsEndpoint),
      started.map(({ executionArn }) => executionArn),
    );
    second.child.kill('SIGINT');
    await second.exited;
    const third = processes.serve([
      '--dir',
      directory,
      '--port-base',
      '0',
      '--reset',
    ]);
    const reset = await waitUntilReady(third, directory);
    const groups = (await (
      await fetch(`${reset.apiUrl}/dataset-groups`)
    ).json()) as { datasetGroups: unknown[] };

    // Assess
    expect(code).toBe(0);
    expect(second.output()).toMatch(
      /Restored +\d dataset group\(s\), 3 execution\(s\), \d+ event\(s\); 3 interrupted execution\(s\) run again/,
    );
    expect(statuses).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(third.output()).toMatch(
      /Restored +0 dataset group\(s\), 0 execution\(s\), 0 event\(s\)\n/,
    );
    expect(groups.datasetGroups).toEqual([]);
  }, 60_000);
});
