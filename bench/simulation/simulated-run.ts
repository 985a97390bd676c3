import type { Context } from 'aws-lambda';
import {
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import type { LocalEventBus } from '#local/runtime/event-bus.ts';
import { bindLambdaHandler } from '#local/runtime/lambda-binding.ts';
import { bindPutEvents } from '#local/runtime/put-events-binding.ts';
import { stateRetries } from '#local/runtime/state-retries.ts';
import type { TaskHandler } from '#local/runtime/task-handler.ts';
import { modelledInvocationSeconds, type Usage } from '../polling/pricing.ts';
import { virtualizeWaits } from '../polling/virtualize-waits.ts';
import type { SimulatedClock } from './simulated-clock.ts';

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface SimulatedLambdaTask {
  handler: LambdaHandler;
  functionName: string;
  /** Memory of the function, GB (as serverless.yml sets it). */
  memoryGb: number;
}

/** One workflow as the simulation runs it. */
export interface SimulatedWorkflow {
  stateMachineName: string;
  definition: StateMachineDefinition;
  /** Lambda task state (at any depth) → its function. */
  lambdaTasks: Record<string, SimulatedLambdaTask>;
  /** events:putEvents task states (at any depth). */
  publishStates: readonly string[];
}

export interface PublishedAt {
  detailType: string;
  /** Virtual epoch ms. */
  at: number;
}

export interface SimulatedRun {
  executionArn: string;
  status: 'SUCCEEDED' | 'FAILED';
  error?: string;
  output?: unknown;
  usage: Usage;
  published: PublishedAt[];
  startedAt: number;
  endedAt: number;
}

/** Counts what a run is billed for. */
export const emptyUsage = (): Usage => ({
  transitions: 0,
  invocations: 0,
  gbSeconds: 0,
  events: 0,
});

export const addUsage = (total: Usage, more: Usage): Usage => ({
  transitions: total.transitions + more.transitions,
  invocations: total.invocations + more.invocations,
  gbSeconds: total.gbSeconds + more.gbSeconds,
  events: total.events + more.events,
});

/**
 * Bills one Lambda invocation and makes it last its modelled run time in
 * virtual time (the work itself takes none there), plus whatever the
 * handler sleeps.
 */
export const meteredInvocation =
  (
    clock: SimulatedClock,
    usage: Usage,
    handler: TaskHandler,
    memoryGb: number,
  ): TaskHandler =>
  async (input) => {
    usage.invocations += 1;
    clock.touch();
    await clock.sleep(modelledInvocationSeconds * 1000);
    const startedAt = clock.now();
    try {
      return await handler(input);
    } finally {
      clock.touch();
      usage.gbSeconds +=
        (modelledInvocationSeconds + (clock.now() - startedAt) / 1000) *
        memoryGb;
    }
  };

/** One parsed and validated machine per workflow (asl-validator is slow). */
const machines = new WeakMap<
  SimulatedWorkflow,
  {
    machine: StateMachine;
    definition: StateMachineDefinition;
    waitStates: string[];
  }
>();

const machineOf = (workflow: SimulatedWorkflow) => {
  let built = machines.get(workflow);
  if (built === undefined) {
    const { definition, waitStates } = virtualizeWaits(workflow.definition);
    built = {
      definition,
      waitStates,
      machine: new StateMachine(definition, {
        validationOptions: { checkArn: false },
      }),
    };
    machines.set(workflow, built);
  }
  return built;
};

/**
 * Runs one execution of a workflow's ASL in virtual time on the
 * simulated clock, with its Lambda tasks bound to their handlers and its
 * putEvents tasks to the bus, and counts what it is billed: transitions
 * (states entered, at any depth, and retries), invocations, GB-seconds,
 * events. Wait states and the Retry waits sleep on the clock, so
 * concurrent iterations and branches wait side by side. The caller
 * drives the clock (`clock.drive`).
 *
 * Each state's retry bookkeeping is its own (a Parallel's branches name
 * their states apart); the iterations of a Map share their states' — in
 * the runs measured, no task inside a Map is retried.
 */
export const runSimulated = async (
  clock: SimulatedClock,
  bus: LocalEventBus,
  workflow: SimulatedWorkflow,
  input: unknown,
  executionName: string,
): Promise<SimulatedRun> => {
  const { definition, waitStates, machine } = machineOf(workflow);
  const usage = emptyUsage();
  const published: PublishedAt[] = [];
  const startedAt = clock.now();
  const stateMachineArn = `arn:aws:states:us-east-1:000000000000:stateMachine:${workflow.stateMachineName}`;
  const executionArn = `arn:aws:states:us-east-1:000000000000:execution:${workflow.stateMachineName}:${executionName}`;
  const publish = bindPutEvents(bus, { executionArn, stateMachineArn });
  // $$.State.RetryCount for the run (read by tasks outside any Map).
  const contextRetries = stateRetries(definition);
  const retrying = (stateName: string, handler: TaskHandler): TaskHandler => {
    let delaySeconds = 0;
    const own = stateRetries(definition, (retry) => {
      delaySeconds = retry.delaySeconds;
    });
    const counted = contextRetries.wrap(
      stateName,
      own.wrap(stateName, handler),
    );
    return async (input) => {
      try {
        return await counted(input);
      } catch (error) {
        if (delaySeconds > 0) {
          // The retry's wait, before the library retries at once.
          const wait = delaySeconds;
          delaySeconds = 0;
          await clock.sleep(wait * 1000);
        }
        throw error;
      }
    };
  };
  const handlers: Record<string, TaskHandler> = {};
  for (const [state, task] of Object.entries(workflow.lambdaTasks)) {
    handlers[state] = retrying(
      state,
      meteredInvocation(
        clock,
        usage,
        bindLambdaHandler(task.handler, task.functionName),
        task.memoryGb,
      ),
    );
  }
  for (const state of workflow.publishStates) {
    handlers[state] = retrying(state, async (entries) => {
      usage.events += 1;
      clock.touch();
      const detailType = (
        entries as { Entries?: Array<{ DetailType?: string }> }
      ).Entries?.[0]?.DetailType;
      published.push({ detailType: detailType ?? '', at: clock.now() });
      return publish(entries);
    });
  }
  for (const state of waitStates) {
    handlers[state] = async (wait) => {
      await clock.sleep(((wait as { seconds?: number }).seconds ?? 0) * 1000);
      return {};
    };
  }
  const run = machine.run(input as never, {
    overrides: {
      taskResourceLocalHandlers: handlers,
      retryIntervalOverrides: Object.fromEntries(
        Object.keys(handlers).map((state) => [state, 0]),
      ),
    },
    context: {
      State: contextRetries.state as never,
      Execution: {
        Id: executionArn,
        Name: executionName,
        Input: input as never,
        StartTime: new Date(startedAt).toISOString(),
        RoleArn: `arn:aws:iam::000000000000:role/${workflow.stateMachineName}`,
        RedriveCount: 0,
      },
      StateMachine: { Id: stateMachineArn, Name: workflow.stateMachineName },
    },
  });
  for await (const event of run.eventLogs) {
    if (event.type === 'StateEntered' || event.type === 'StateRetried') {
      usage.transitions += 1;
    }
  }
  const ended = (
    fields: Pick<SimulatedRun, 'status'> & Partial<SimulatedRun>,
  ): SimulatedRun => ({
    executionArn,
    usage,
    published,
    startedAt,
    endedAt: clock.now(),
    ...fields,
  });
  try {
    return ended({ status: 'SUCCEEDED', output: await run.result });
  } catch (error) {
    const cause = (error as { cause?: { name?: string } }).cause;
    return ended({
      status: 'FAILED',
      error: cause?.name ?? (error as Error).name,
    });
  }
};
