import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { personalizeGroupChildren } from '#commons/clients/personalize-group-children.ts';
import { clock } from '#commons/clock.ts';
import { taskInputOf } from '#commons/dataset-creation/task-input.ts';
import { secondsSince } from '#commons/dataset-group/task-inputs.ts';
import { readInvocationSafetyMarginSeconds } from '#commons/poll-schedule-config.ts';
import { logger } from '#commons/powertools/logger.ts';
import { metrics } from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';
import { readTeardownPollSchedule } from '#commons/teardown/teardown-settings.ts';
import type { TeardownState } from '#commons/teardown/teardown-state.ts';
import { advanceTeardown } from '#commons/teardown/teardown-step.ts';

// The client with the SDK's retries: a throttled delete is tried again
// there, then in the next round (teardown-api.ts 'throttled').
const children = personalizeGroupChildren(personalizeClient);
const schedule = readTeardownPollSchedule();
const safetyMarginSeconds = readInvocationSafetyMarginSeconds();

/**
 * Task `TearDownChildren` (cascade delete): deletes what the group holds
 * in the order Personalize requires, sleeping short waits between looks,
 * until the group is empty, a deletion fails, or a long wait is due (the
 * Wait state's). Its output is the workflow's `$.teardown`.
 */
const tearDownChildren = async (
  event: unknown,
  context: Context,
): Promise<TeardownState> => {
  const input = taskInputOf<{
    datasetGroup: { datasetGroupArn: string; name: string };
    teardown: TeardownState;
    executionStartTime: string;
  }>('TearDownChildren', event, ['datasetGroup', 'teardown']);
  const state = await advanceTeardown(
    children,
    input.datasetGroup.datasetGroupArn,
    input.teardown,
    {
      remainingMs: () => context.getRemainingTimeInMillis(),
      safetyMarginSeconds,
      sleep: clock.sleep,
      wallElapsedSeconds: () =>
        secondsSince(input.executionStartTime, clock.now()),
      schedule,
    },
  );
  logger.info('Dataset group teardown advanced', {
    datasetGroup: input.datasetGroup.name,
    outcome: state.outcome,
    remaining: state.remaining.map((child) => `${child.kind} ${child.name}`),
    deleted: state.deleted.length,
  });
  return state;
};

export const handler = middy(tearDownChildren)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
