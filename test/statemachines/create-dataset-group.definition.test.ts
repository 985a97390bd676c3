import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { unrecognisedLimitRetries } from '#commons/clients/limit-exceeded.ts';
import { sleepIsCheaperBelowSeconds } from '#commons/dataset-group/poll-step.ts';
import { quotaBreachBound } from '#local/reliability/quota-breach-bound.ts';
import {
  createDatasetGroupDefinitionPath,
  loadStateMachineDefinition,
} from '#local/runtime/state-machine-definition.ts';

const substitutions = {
  CreateDatasetGroupFunctionArn:
    'arn:aws:lambda:us-east-1:123456789012:function:create-dataset-group',
  DescribeDatasetGroupFunctionArn:
    'arn:aws:lambda:us-east-1:123456789012:function:describe-dataset-group',
  EventBusName: 'personalize-dataset-groups',
  EventSource: 'personalize.dataset-groups',
};

interface State {
  Type: string;
  Retry?: Array<{
    ErrorEquals: string[];
    JitterStrategy?: string;
    MaxAttempts?: number;
    IntervalSeconds?: number;
    BackoffRate?: number;
    MaxDelaySeconds?: number;
  }>;
  Catch?: Array<{ ErrorEquals: string[]; Next: string }>;
  Next?: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
}

describe('create-dataset-group.asl.json', () => {
  const definition = loadStateMachineDefinition(
    createDatasetGroupDefinitionPath,
    substitutions,
  );
  const states = definition.States as Record<string, State>;

  it('passes asl-validator with ARN and JSONPath checks on', () => {
    // Act
    const result = aslValidator(definition, {
      checkArn: true,
      checkPaths: true,
    });

    // Assess
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('names every placeholder it uses, and only those', () => {
    // Prepare
    const text = readFileSync(createDatasetGroupDefinitionPath, 'utf8');

    // Act
    const placeholders = new Set(
      [...text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]),
    );

    // Assess
    expect([...placeholders].sort()).toEqual(Object.keys(substitutions).sort());
  });

  it('retries Lambda tasks only on throttling and transient errors, with jitter', () => {
    for (const name of ['CreateDatasetGroup', 'DescribeDatasetGroup']) {
      const retriers = (states[name]?.Retry ?? []).filter(
        (retrier) => !retrier.ErrorEquals.includes('DatasetGroupPendingError'),
      );
      const retried = retriers.flatMap((retrier) => retrier.ErrorEquals);
      expect(retried).not.toContain('States.ALL');
      expect(retried).not.toContain('States.TaskFailed');
      expect(retried).not.toContain('InvalidDatasetGroupRequestError');
      expect(retried).toContain('Lambda.ServiceException');
      expect(
        retriers.every((retrier) => retrier.JitterStrategy === 'FULL'),
      ).toBe(true);
    }
    // The create call retries Personalize's throttling and 5xx; a poll
    // that meets them is skipped by the handler instead.
    const createRetried = (states.CreateDatasetGroup?.Retry ?? []).flatMap(
      (retrier) => retrier.ErrorEquals,
    );
    expect(createRetried).toContain('PersonalizeThrottledError');
    expect(createRetried).toContain('PersonalizeUnavailableError');
  });

  it('polls through the first retrier of DescribeDatasetGroup, as its pollRetry parameter says', () => {
    // Prepare
    const describe = states.DescribeDatasetGroup;
    const [pollRetrier] = describe?.Retry ?? [];

    // Assess: the retrier polls (only on DatasetGroupPendingError, no
    // jitter: the waits are the schedule), and the handler is told the
    // same numbers, since it cannot read the Retry block.
    expect(pollRetrier).toMatchObject({
      ErrorEquals: ['DatasetGroupPendingError'],
      JitterStrategy: 'NONE',
    });
    expect(describe?.Parameters?.pollRetry).toEqual({
      intervalSeconds: pollRetrier?.IntervalSeconds,
      backoffRate: pollRetrier?.BackoffRate,
      maxDelaySeconds: pollRetrier?.MaxDelaySeconds,
      maxAttempts: pollRetrier?.MaxAttempts,
    });
    expect(describe?.Parameters?.['retryCount.$']).toBe('$$.State.RetryCount');
    // A pending group is never caught as a failure before the retrier.
    expect(
      (describe?.Retry ?? [])
        .slice(1)
        .flatMap((retrier) => retrier.ErrorEquals),
    ).not.toContain('DatasetGroupPendingError');
    // Both pollers sleep the waits below the same break-even: the
    // deletion poller reads it from the code, this one from its retrier.
    expect(pollRetrier?.IntervalSeconds).toBe(sleepIsCheaperBelowSeconds);
  });

  it('tells the create task its retries, which bound an unrecognised LimitExceededException', () => {
    // Prepare
    const create = states.CreateDatasetGroup;
    const throttled = (create?.Retry ?? []).find((retrier) =>
      retrier.ErrorEquals.includes('PersonalizeThrottledError'),
    );

    // Assess: the handler takes an unrecognised LimitExceededException
    // for a rate limit while $$.State.RetryCount is below the bound, so
    // the bound must leave the retrier an attempt to spare, or the run
    // would end as throttled instead of naming the quota.
    expect(create?.Parameters?.['retryCount.$']).toBe('$$.State.RetryCount');
    expect(unrecognisedLimitRetries).toBeGreaterThan(0);
    expect(unrecognisedLimitRetries).toBeLessThan(throttled?.MaxAttempts ?? 3);
  });

  it('bounds the time a quota breach takes to end the run as the README says', () => {
    // Prepare
    const readme = readFileSync(
      new URL('../../README.md', import.meta.url),
      'utf8',
    ).replace(/\s+/g, ' ');
    const stated =
      /ends the run after at most (\d+) s of retry waits when the message names the quota, and at most (\d+) s when it names nothing \(([^)]*)\)/.exec(
        readme,
      );

    // Act: from the ASL's Retry and the SDK's standard retry mode.
    const recognised = quotaBreachBound(definition, 'recognised');
    const unrecognised = quotaBreachBound(definition, 'unrecognised');

    // Assess: a change to the Retry (or to the retries granted) breaks
    // this until the README's figures are updated.
    expect(stated).not.toBeNull();
    expect(Number(stated?.[1])).toBe(recognised.waitSeconds);
    expect(Number(stated?.[2])).toBe(unrecognised.waitSeconds);
    expect(stated?.[3]).toContain(
      `${unrecognised.invocations} invocations of the create task`,
    );
    expect(stated?.[3]).toContain(`${unrecognised.calls} calls`);
  });

  it('retries every putEvents task on EventBridge.FailedEntry', () => {
    const publishers = Object.entries(states).filter(
      ([, state]) => state.Resource === 'arn:aws:states:::events:putEvents',
    );
    expect(publishers.map(([name]) => name).sort()).toEqual([
      'PublishCreationFailed',
      'PublishCreationFailedSummary',
      'PublishCreationStarted',
      'PublishDatasetGroupCreated',
    ]);
    for (const [, state] of publishers) {
      expect(state.Retry?.[0]?.ErrorEquals).toContain(
        'EventBridge.FailedEntry',
      );
    }
  });

  it('catches what is left of a failed publish, except the Created event', () => {
    // A lost Started event goes on to the first poll, as a sent one does.
    expect(states.PublishCreationStarted?.Catch?.[0]?.Next).toBe(
      states.PublishCreationStarted?.Next,
    );
    expect(states.PublishCreationStarted?.Next).toBe('DescribeDatasetGroup');
    // A refused Creation Failed event is tried once more without the
    // request, and then the run fails either way.
    expect(states.PublishCreationFailed?.Catch?.[0]?.Next).toBe(
      'PublishCreationFailedSummary',
    );
    expect(states.PublishCreationFailedSummary?.Catch?.[0]?.Next).toBe(
      'FailCreation',
    );
    expect(states.PublishCreationFailedSummary?.Next).toBe('FailCreation');
    expect(states.PublishDatasetGroupCreated?.Catch).toBeUndefined();
  });

  it('leaves the request out of the fallback Creation Failed event, and nothing else', () => {
    // Prepare
    const detailOf = (state: string) =>
      (
        states[state]?.Parameters as
          | { Entries: Array<{ DetailType: string; Detail: object }> }
          | undefined
      )?.Entries[0];
    const full = detailOf('PublishCreationFailed');
    const summary = detailOf('PublishCreationFailedSummary');

    // Act
    const paths = Object.values(summary?.Detail ?? {}).filter(
      (value): value is string => typeof value === 'string',
    );

    // Assess: the same detail-type and fields, none read from the request.
    expect(summary?.DetailType).toBe(full?.DetailType);
    expect(
      Object.keys(summary?.Detail ?? {}).map((key) => key.replace(/\.\$$/, '')),
    ).toEqual(
      Object.keys(full?.Detail ?? {}).map((key) => key.replace(/\.\$$/, '')),
    );
    expect(paths.filter((path) => /request|correlationId/.test(path))).toEqual(
      [],
    );
    expect(summary?.Detail).toMatchObject({
      'correlationId.$': '$$.Execution.Name',
      request: { omitted: expect.any(String) },
    });
  });
});
