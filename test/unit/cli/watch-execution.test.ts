import { describe, expect, it } from 'vitest';
import {
  type ApiClient,
  ApiError,
  type ExecutionView,
} from '#cli/api-client.ts';
import { RequestAbortedError } from '#cli/cli-errors.ts';
import { abortableSleep, watchExecution } from '#cli/watch-execution.ts';

/** An API whose answers follow a script, one step per poll. */
const scriptedApi = (
  steps: Array<{ execution: ExecutionView['status']; group: string | 404 }>,
) => {
  let poll = 0;
  const api = {
    getExecution: async () => {
      const step = steps[Math.min(poll, steps.length - 1)];
      return {
        executionArn: 'arn:aws:states:us-east-1:1:execution:sm:e',
        executionName: 'e',
        status: step?.execution ?? 'RUNNING',
        startDate: '2026-11-25T10:00:00Z',
      };
    },
    getDatasetGroup: async () => {
      const step = steps[Math.min(poll, steps.length - 1)];
      poll += 1;
      if (step?.group === 404)
        throw new ApiError(404, { message: 'no' }, 'GET');
      return { name: 'acme', status: step?.group };
    },
  };
  return api as unknown as ApiClient;
};

describe('watchExecution', () => {
  it('reports each change and returns when the execution ends', async () => {
    // Prepare
    let now = 0;
    const changes: string[] = [];
    const api = scriptedApi([
      { execution: 'RUNNING', group: 'CREATE PENDING' },
      { execution: 'RUNNING', group: 'CREATE PENDING' },
      { execution: 'RUNNING', group: 'CREATE IN_PROGRESS' },
      { execution: 'SUCCEEDED', group: 'ACTIVE' },
    ]);

    // Act
    const result = await watchExecution(api, 'e', 'acme', {
      pollIntervalMs: 1000,
      timeoutMs: 60_000,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      onChange: ({ elapsedMs, execution, datasetGroupStatus }) =>
        changes.push(`${elapsedMs} ${execution.status} ${datasetGroupStatus}`),
    });

    // Assess
    expect(changes).toEqual([
      '0 RUNNING CREATE PENDING',
      '2000 RUNNING CREATE IN_PROGRESS',
      '3000 SUCCEEDED ACTIVE',
    ]);
    expect(result).toMatchObject({
      timedOut: false,
      execution: { status: 'SUCCEEDED' },
      datasetGroup: { status: 'ACTIVE' },
    });
  });

  it('shows a group that is gone as (none)', async () => {
    // Prepare
    const changes: string[] = [];
    const api = scriptedApi([{ execution: 'SUCCEEDED', group: 404 }]);

    // Act
    const result = await watchExecution(api, 'e', 'acme', {
      pollIntervalMs: 1,
      timeoutMs: 1000,
      onChange: ({ datasetGroupStatus }) => changes.push(datasetGroupStatus),
    });

    // Assess
    expect(changes).toEqual(['(none)']);
    expect(result.datasetGroup).toBeUndefined();
  });

  it('stops following at the timeout and says so', async () => {
    // Prepare
    let now = 0;
    const api = scriptedApi([
      { execution: 'RUNNING', group: 'CREATE PENDING' },
    ]);

    // Act
    const result = await watchExecution(api, 'e', 'acme', {
      pollIntervalMs: 5000,
      timeoutMs: 20_000,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });

    // Assess
    expect(result.timedOut).toBe(true);
    expect(now).toBe(20_000);
  });
});

describe('watchExecution when interrupted', () => {
  it('stops at once, with the last execution seen, when the signal aborts', async () => {
    // Prepare
    const controller = new AbortController();
    const api = scriptedApi([
      { execution: 'RUNNING', group: 'CREATE PENDING' },
    ]);
    let sleeps = 0;

    // Act
    const result = await watchExecution(api, 'e', 'acme', {
      pollIntervalMs: 60_000,
      timeoutMs: 3_600_000,
      signal: controller.signal,
      sleep: async () => {
        sleeps += 1;
        controller.abort();
      },
    });

    // Assess
    expect(sleeps).toBe(1);
    expect(result).toMatchObject({
      interrupted: true,
      timedOut: false,
      execution: { status: 'RUNNING' },
    });
  });

  it('reports no execution when interrupted before the first answer', async () => {
    // Prepare
    const api = {
      getExecution: async () => {
        throw new RequestAbortedError('GET /executions/e');
      },
    } as unknown as ApiClient;

    // Act
    const result = await watchExecution(api, 'e', 'acme', {
      pollIntervalMs: 1,
      timeoutMs: 1000,
    });

    // Assess
    expect(result).toEqual({ interrupted: true, timedOut: false });
  });
});

describe('abortableSleep', () => {
  it('resolves before its time when the signal aborts', async () => {
    // Prepare
    const controller = new AbortController();
    const startedAt = performance.now();

    // Act
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await sleeping;

    // Assess
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });
});
