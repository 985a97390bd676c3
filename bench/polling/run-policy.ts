import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import {
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import type { RunningPersonalizeEmulator } from '#local/personalize/index.ts';
import type { LocalEventBus } from '#local/runtime/event-bus.ts';
import { bindLambdaHandler } from '#local/runtime/lambda-binding.ts';
import { bindPutEvents } from '#local/runtime/put-events-binding.ts';
import { stateRetries } from '#local/runtime/state-retries.ts';
import type { TaskHandler } from '#local/runtime/task-handler.ts';
import {
  costOf,
  functionMemoryGb,
  modelledInvocationSeconds,
  type Usage,
} from './pricing.ts';
import type { VirtualClock } from './virtual-clock.ts';
import { virtualizeWaits } from './virtualize-waits.ts';

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface BenchEnvironment {
  clock: VirtualClock;
  emulator: RunningPersonalizeEmulator;
  bus: LocalEventBus;
}

export interface PolicyDefinition {
  id: string;
  description: string;
  definition: StateMachineDefinition;
  /** Lambda task state → handler. */
  lambdaTasks: Record<string, LambdaHandler>;
  /** events:putEvents task states. */
  publishStates?: string[];
  /** Called once per run, before it starts (per-run state). */
  prepare?: () => void;
  /** When the policy noticed ACTIVE, in virtual ms, or undefined. */
  detectedAt: () => number | undefined;
  input: (name: string) => Record<string, unknown>;
}

export interface PolicyRun extends Usage {
  policy: string;
  creationSeconds: number;
  status: string;
  /** ACTIVE → noticed, in seconds; undefined when never noticed. */
  latencySeconds?: number;
  failure?: string;
  describeCalls: number;
  /** When each DescribeDatasetGroup call came, in s after creation. */
  pollSeconds: number[];
  costUsd: number;
}

/**
 * Runs one policy's state machine once, in virtual time, against a group
 * that becomes ACTIVE `creationSeconds` after it is created, and counts
 * what it costs: billed transitions (states entered and retries), Lambda
 * invocations and GB-seconds, events, DescribeDatasetGroup calls.
 */
export const runPolicy = async (
  environment: BenchEnvironment,
  policy: PolicyDefinition,
  creationSeconds: number,
): Promise<PolicyRun> => {
  const { clock, emulator, bus } = environment;
  emulator.reset();
  emulator.setLifecycle({
    pendingMs: Math.min(1_000, creationSeconds * 500),
    inProgressMs:
      creationSeconds * 1000 - Math.min(1_000, creationSeconds * 500),
  });
  policy.prepare?.();
  const { definition, waitStates } = virtualizeWaits(policy.definition);
  const usage: Usage = {
    transitions: 0,
    invocations: 0,
    gbSeconds: 0,
    events: 0,
  };

  // A Retry's wait passes between invocations, outside the billed time.
  const retries = stateRetries(definition, (retry) =>
    clock.advance(retry.delaySeconds * 1000),
  );
  const metered =
    (handler: LambdaHandler, functionName: string): TaskHandler =>
    async (input) => {
      usage.invocations += 1;
      const startedAt = clock.now();
      try {
        return await bindLambdaHandler(handler, functionName)(input);
      } finally {
        const seconds =
          modelledInvocationSeconds + (clock.now() - startedAt) / 1000;
        usage.gbSeconds += seconds * functionMemoryGb(functionName);
      }
    };
  const executionName = randomUUID();
  const executionArn = `arn:aws:states:us-east-1:000000000000:execution:${policy.id}:${executionName}`;
  const stateMachineArn = `arn:aws:states:us-east-1:000000000000:stateMachine:${policy.id}`;
  const publish = bindPutEvents(bus, { executionArn, stateMachineArn });
  const taskStates = [
    ...Object.keys(policy.lambdaTasks),
    ...(policy.publishStates ?? []),
    ...waitStates,
  ];
  const run = new StateMachine(definition, {
    validationOptions: { checkArn: false },
  }).run(policy.input(`bench-${executionName.slice(0, 8)}`) as never, {
    overrides: {
      taskResourceLocalHandlers: {
        ...Object.fromEntries(
          Object.entries(policy.lambdaTasks).map(([state, handler]) => [
            state,
            retries.wrap(state, metered(handler, state)),
          ]),
        ),
        ...Object.fromEntries(
          (policy.publishStates ?? []).map((state) => [
            state,
            async (input: unknown) => {
              usage.events += 1;
              return publish(input as never);
            },
          ]),
        ),
        ...Object.fromEntries(
          waitStates.map((state) => [
            state,
            async (input: unknown) => {
              clock.advance(
                ((input as { seconds: number }).seconds ?? 0) * 1000,
              );
              return {};
            },
          ]),
        ),
      },
      retryIntervalOverrides: Object.fromEntries(
        taskStates.map((state) => [state, 0]),
      ),
    },
    context: {
      State: retries.state as never,
      Execution: {
        Id: executionArn,
        Name: executionName,
        StartTime: new Date(clock.now()).toISOString(),
      },
      StateMachine: { Id: stateMachineArn, Name: policy.id },
    },
  });
  for await (const event of run.eventLogs) {
    if (event.type === 'StateEntered' || event.type === 'StateRetried') {
      usage.transitions += 1;
    }
  }
  let status = 'SUCCEEDED';
  let failure: string | undefined;
  try {
    await run.result;
  } catch (error) {
    status = 'FAILED';
    const cause = (error as { cause?: { name?: string } }).cause;
    failure = cause?.name ?? (error as Error).name;
  }
  const group = emulator.datasetGroups()[0];
  const activeAt =
    group === undefined
      ? undefined
      : group.creationDateTime.getTime() + creationSeconds * 1000;
  const detectedAt = policy.detectedAt();
  const latencySeconds =
    detectedAt === undefined || activeAt === undefined
      ? undefined
      : (detectedAt - activeAt) / 1000;
  return {
    policy: policy.id,
    creationSeconds,
    status,
    ...(latencySeconds === undefined ? {} : { latencySeconds }),
    ...(failure === undefined ? {} : { failure }),
    ...usage,
    describeCalls: emulator.stats().calls.DescribeDatasetGroup ?? 0,
    pollSeconds:
      group === undefined
        ? []
        : emulator
            .stats()
            .callTimes('DescribeDatasetGroup')
            .map((at) => (at - group.creationDateTime.getTime()) / 1000),
    costUsd: costOf(usage),
  };
};
