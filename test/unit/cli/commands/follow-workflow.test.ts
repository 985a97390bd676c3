import { describe, expect, it } from 'vitest';
import type { ApiClient, ExecutionView } from '#cli/api-client.ts';
import { RequestAbortedError } from '#cli/cli-errors.ts';
import { parseCliOptions } from '#cli/cli-options.ts';
import { followWorkflow } from '#cli/commands/follow-workflow.ts';
import type { Target } from '#cli/target.ts';

const target: Target = {
  kind: 'endpoint',
  apiUrl: 'http://127.0.0.1:3000',
  send: async () => new Response(),
  pollIntervalMs: 1,
  flags: ['--endpoint', 'http://127.0.0.1:3000'],
};

const execution = (
  status: ExecutionView['status'],
  more: Partial<ExecutionView> = {},
): ExecutionView => ({
  executionArn: 'arn:aws:states:us-east-1:000000000000:execution:sm:api-1',
  executionName: 'api-1',
  status,
  startDate: '2026-11-25T10:00:00.000Z',
  ...more,
});

const groupArn =
  'arn:aws:personalize:us-east-1:000000000000:dataset-group/acme';

/** An API whose executions follow `statuses`, one a poll. */
const scriptedApi = (
  executions: ExecutionView[],
  options: { onPoll?: (poll: number) => void; startFails?: Error } = {},
) => {
  let poll = 0;
  return {
    createDatasetGroup: async () => {
      if (options.startFails !== undefined) throw options.startFails;
      return { executionArn: 'arn', executionName: 'api-1' };
    },
    deleteDatasetGroup: async () => ({
      executionArn: 'arn',
      executionName: 'api-1',
    }),
    getExecution: async () => {
      const answer = executions[Math.min(poll, executions.length - 1)];
      options.onPoll?.(poll);
      poll += 1;
      return answer;
    },
    getDatasetGroup: async () => ({
      name: 'acme',
      status: 'ACTIVE',
      datasetGroupArn: groupArn,
    }),
  } as unknown as ApiClient;
};

const capture = (signal?: AbortSignal) => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
      ...(signal === undefined ? {} : { signal }),
    },
  };
};

describe('followWorkflow', () => {
  it('says the group is ACTIVE with its ARN when the creation succeeds', async () => {
    // Prepare
    const { out, io } = capture();
    const api = scriptedApi([
      execution('RUNNING'),
      execution('SUCCEEDED', {
        output: {
          alreadyExisted: false,
          progress: { datasetGroup: { datasetGroupArn: groupArn } },
        },
      }),
    ]);

    // Act
    const status = await followWorkflow(
      parseCliOptions(['create', 'acme']),
      api,
      target,
      io,
    );

    // Assess
    expect(status).toBe(0);
    expect(out.at(-1)).toBe(`Dataset group acme is ACTIVE: ${groupArn}`);
  });

  it('says an existing group was adopted when the output has alreadyExisted', async () => {
    // Prepare
    const { out, io } = capture();
    const api = scriptedApi([
      execution('SUCCEEDED', {
        output: {
          alreadyExisted: true,
          progress: { datasetGroup: { datasetGroupArn: groupArn } },
        },
      }),
    ]);

    // Act
    const status = await followWorkflow(
      parseCliOptions(['create', 'acme']),
      api,
      target,
      io,
    );

    // Assess
    expect(status).toBe(0);
    expect(out.at(-1)).toBe(
      `Dataset group acme is ACTIVE (an existing group with the same configuration was adopted): ${groupArn}`,
    );
  });

  it('exits 130 and says how to look the execution up when Ctrl-C stops it', async () => {
    // Prepare
    const controller = new AbortController();
    const { err, io } = capture(controller.signal);
    const api = scriptedApi([execution('RUNNING')], {
      onPoll: (poll) => {
        if (poll === 2) controller.abort();
      },
    });

    // Act
    const status = await followWorkflow(
      parseCliOptions(['delete', 'acme', '--endpoint', target.apiUrl]),
      api,
      target,
      io,
    );

    // Assess
    expect(status).toBe(130);
    expect(err).toEqual([
      'Stopped following; the workflow goes on. Look it up with: npm run cli -- execution api-1 --endpoint http://127.0.0.1:3000',
    ]);
  });

  it('exits 130 and says the workflow may have started when Ctrl-C cuts the start request', async () => {
    // Prepare
    const { err, io } = capture();
    const api = scriptedApi([], {
      startFails: new RequestAbortedError('POST /dataset-groups'),
    });

    // Act
    const status = await followWorkflow(
      parseCliOptions(['create', 'acme']),
      api,
      target,
      io,
    );

    // Assess
    expect(status).toBe(130);
    expect(err).toEqual([
      'Interrupted before the API answered: the creation of acme may have started. Look it up with: npm run cli -- status acme --endpoint http://127.0.0.1:3000',
    ]);
  });

  it('exits 1 with the error and cause when the workflow fails', async () => {
    // Prepare
    const { err, io } = capture();
    const api = scriptedApi([
      execution('FAILED', {
        error: 'DatasetGroupCreateFailed',
        cause: 'KMS key',
      }),
    ]);

    // Act
    const status = await followWorkflow(
      parseCliOptions(['create', 'acme']),
      api,
      target,
      io,
    );

    // Assess
    expect(status).toBe(1);
    expect(err).toEqual([
      'The creation of acme FAILED: DatasetGroupCreateFailed: KMS key',
    ]);
  });

  it('prints one JSON document and no progress when --json', async () => {
    // Prepare
    const { out, io } = capture();
    const api = scriptedApi([execution('RUNNING'), execution('SUCCEEDED')]);

    // Act
    const status = await followWorkflow(
      parseCliOptions(['create', 'acme', '--json']),
      api,
      target,
      io,
    );

    // Assess
    expect(status).toBe(0);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0] ?? '')).toMatchObject({
      started: { executionName: 'api-1' },
      execution: { status: 'SUCCEEDED' },
      timedOut: false,
      interrupted: false,
    });
  });
});
