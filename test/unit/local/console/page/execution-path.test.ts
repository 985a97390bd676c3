import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  executionPath,
  type HistoryEvent,
} from '#local/console/page/execution-path.js';

/** GetExecutionHistory answers recorded from the local stack. */
const historyOf = (name: string): HistoryEvent[] =>
  structuredClone(
    JSON.parse(
      readFileSync(
        new URL(
          `../../../../fixtures/console/history-${name}.json`,
          import.meta.url,
        ),
        'utf8',
      ),
    ).events,
  );

describe('executionPath', () => {
  it('follows a creation from Start to its last state', () => {
    // Prepare
    const events = historyOf('create-succeeded');

    // Act
    const path = executionPath(events);

    // Assess
    expect(path.status).toBe('SUCCEEDED');
    expect(path.path).toEqual([
      'ShapeState',
      'CreateDatasetGroup',
      'PublishCreationStarted',
      'DescribeDatasetGroup',
      'IsDatasetGroupSettled',
      'PublishDatasetGroupCreated',
    ]);
    expect(path.transitions).toEqual([
      { from: '(start)', to: 'ShapeState', caught: false },
      { from: 'ShapeState', to: 'CreateDatasetGroup', caught: false },
      {
        from: 'CreateDatasetGroup',
        to: 'PublishCreationStarted',
        caught: false,
      },
      {
        from: 'PublishCreationStarted',
        to: 'DescribeDatasetGroup',
        caught: false,
      },
      {
        from: 'DescribeDatasetGroup',
        to: 'IsDatasetGroupSettled',
        caught: false,
      },
      {
        from: 'IsDatasetGroupSettled',
        to: 'PublishDatasetGroupCreated',
        caught: false,
      },
    ]);
    expect(
      Object.values(path.states).every((run) => run.status === 'succeeded'),
    ).toBe(true);
    expect(path.failedState).toBeUndefined();
  });

  it('gives each state its time, attempts and the polls its function made', () => {
    // Prepare
    const events = historyOf('create-succeeded');
    const entered = events.find(
      (event) =>
        event.type === 'TaskStateEntered' &&
        (event.stateEnteredEventDetails as { name: string }).name ===
          'DescribeDatasetGroup',
    );
    const exited = events.find(
      (event) =>
        event.type === 'TaskStateExited' &&
        (event.stateExitedEventDetails as { name: string }).name ===
          'DescribeDatasetGroup',
    );

    // Act
    const run = executionPath(events).states.DescribeDatasetGroup;

    // Assess
    expect(run).toMatchObject({
      visits: 1,
      attempts: 1,
      retries: 0,
      polls: 4,
      error: undefined,
    });
    expect(run?.durationMs).toBeCloseTo(
      ((exited?.timestamp ?? 0) - (entered?.timestamp ?? 0)) * 1000,
      3,
    );
    expect(JSON.parse(run?.input ?? '{}').request.name).toBe('acme-datasets');
    expect(JSON.parse(run?.output ?? '{}').progress.outcome).toBe('ACTIVE');
    expect(
      executionPath(events).states.PublishDatasetGroupCreated?.polls,
    ).toBeUndefined();
  });

  it('counts the attempts a Retry made', () => {
    // Prepare
    const events = historyOf('create-retried');

    // Act
    const run = executionPath(events).states.DescribeDatasetGroup;

    // Assess
    expect(run).toMatchObject({
      status: 'succeeded',
      visits: 1,
      attempts: 3,
      retries: 2,
    });
    expect(run?.error?.error).toBe('Runtime.ExitError');
  });

  it('shows where a failed run failed, the state that raised it and the error', () => {
    // Prepare
    const events = historyOf('create-failed');

    // Act
    const path = executionPath(events);

    // Assess
    expect(path.status).toBe('FAILED');
    expect(path.failedState).toBe('FailCreation');
    expect(path.error?.error).toBe('InvalidDatasetGroupRequestError');
    expect(path.states.FailCreation).toMatchObject({
      status: 'failed',
      error: path.error,
    });
    expect(path.states.CreateDatasetGroup).toMatchObject({
      status: 'caught',
      error: { error: 'InvalidDatasetGroupRequestError' },
    });
    expect(path.transitions).toContainEqual({
      from: 'CreateDatasetGroup',
      to: 'HasRequestCorrelationId',
      caught: true,
    });
  });

  it('shows a running state counted until now, and the run RUNNING', () => {
    // Prepare
    const events = historyOf('create-succeeded');
    const cut = events.findIndex(
      (event) =>
        event.type === 'TaskStateEntered' &&
        (event.stateEnteredEventDetails as { name: string }).name ===
          'DescribeDatasetGroup',
    );
    const running = events.slice(0, cut + 1);
    const enteredAt = (running.at(-1)?.timestamp ?? 0) * 1000;

    // Act
    const path = executionPath(running, enteredAt + 750);

    // Assess
    expect(path.status).toBe('RUNNING');
    expect(path.states.DescribeDatasetGroup).toMatchObject({
      status: 'running',
      visits: 1,
    });
    expect(path.states.DescribeDatasetGroup?.durationMs).toBeCloseTo(750, 6);
    expect(path.states.PublishCreationStarted?.status).toBe('succeeded');
  });

  it('sums a Map state’s iterations under each nested state', () => {
    // Prepare
    const events = historyOf('datasets-map');

    // Act
    const path = executionPath(events);

    // Assess
    expect(path.status).toBe('SUCCEEDED');
    expect(path.states.CreateDatasets?.visits).toBe(1);
    expect(path.states.CreateDataset).toMatchObject({
      visits: 3,
      attempts: 3,
      status: 'succeeded',
    });
    expect(path.states.PublishDatasetCreated?.visits).toBe(3);
    expect(path.path.indexOf('CreateDataset')).toBeGreaterThan(
      path.path.indexOf('CreateDatasets'),
    );
  });
});
