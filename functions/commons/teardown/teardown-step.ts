import {
  nextWaitSeconds,
  type PollSchedule,
} from '../dataset-group/poll-schedule.ts';
import { sleepsInInvocation } from '../dataset-group/poll-step.ts';
import type { ChildResource } from './child-resources.ts';
import type { GroupChildrenApi } from './teardown-api.ts';
import { planTeardown } from './teardown-plan.ts';
import { referenceOf, type TeardownState } from './teardown-state.ts';

export const teardownErrorCodes = {
  childDeletionFailed: 'DatasetGroupChildDeletionFailed',
  deadlineReached: 'DatasetGroupTeardownTimedOut',
} as const;

export interface TeardownContext {
  /** Milliseconds before the function times out. */
  remainingMs: () => number;
  safetyMarginSeconds: number;
  sleep: (ms: number) => Promise<void>;
  /** Seconds since the execution started (the deadline counts from it). */
  wallElapsedSeconds: () => number;
  schedule: PollSchedule;
}

const mergeInventory = (
  state: TeardownState,
  children: readonly ChildResource[],
): TeardownState['inventory'] => {
  const known = new Set(state.inventory.map((child) => child.arn));
  return [
    ...state.inventory,
    ...children
      .filter((child) => child.kind !== 'schema' && !known.has(child.arn))
      .map(referenceOf),
  ];
};

/** Once the datasets are gone: their schemas, where asked and unused. */
const settleSchemas = async (
  api: GroupChildrenApi,
  state: TeardownState,
): Promise<Pick<TeardownState, 'deleted' | 'keptSchemas'>> => {
  const schemas = state.schemaArns.map((arn) => ({
    kind: 'schema' as const,
    arn,
    name: arn.split('/').at(-1) ?? arn,
  }));
  if (!state.deleteSchemas) return { deleted: [], keptSchemas: schemas };
  const results = await Promise.all(
    schemas.map(async (schema) => ({
      schema,
      result: await api.deleteSchema(schema.arn),
    })),
  );
  return {
    deleted: results
      .filter(({ result }) => result === 'requested' || result === 'gone')
      .map(({ schema }) => schema),
    // In use: another dataset (of another group) uses it.
    keptSchemas: results
      .filter(({ result }) => result === 'in-use')
      .map(({ schema }) => schema),
  };
};

/**
 * One invocation of the teardown: looks at what the group holds, deletes
 * what can go (planTeardown), and looks again after each wait of the
 * schedule while the wait is short enough to sleep here. Idempotent: each
 * round starts from what Personalize lists, so a run again after a crash
 * or a partial failure carries on where the last stopped, and a child
 * already gone is simply not there. Returns DONE when the group holds
 * nothing (the group itself is then deleted), FAILED when Personalize
 * gave a deletion up or the deadline passed, else IN_PROGRESS with the
 * next wait.
 */
export const advanceTeardown = async (
  api: GroupChildrenApi,
  datasetGroupArn: string,
  start: TeardownState,
  context: TeardownContext,
): Promise<TeardownState> => {
  let state: TeardownState = { ...start, attempt: start.attempt };
  for (;;) {
    const children = await api.listChildren(datasetGroupArn);
    const inventory = mergeInventory(state, children);
    const present = new Set(children.map((child) => child.arn));
    // A solution version is listed while its solution is: it goes with it.
    const deleted = inventory.filter((child) => !present.has(child.arn));
    const plan = planTeardown(children, new Set(state.requested));
    const waitingReason = new Map(
      plan.waiting.map(({ child, reason }) => [child.arn, reason]),
    );
    state = {
      ...state,
      attempt: state.attempt + 1,
      inventory,
      deleted,
      remaining: children.map((child) => {
        const reason = waitingReason.get(child.arn);
        return {
          ...referenceOf(child),
          ...(child.status !== undefined && { status: child.status }),
          ...(reason !== undefined && { reason }),
        };
      }),
    };
    if (plan.failed.length > 0) {
      return {
        ...state,
        outcome: 'FAILED',
        waitSeconds: 0,
        error: {
          code: teardownErrorCodes.childDeletionFailed,
          message: plan.failed.map(({ reason }) => reason).join('; '),
        },
      };
    }
    if (children.length === 0) {
      const schemas = await settleSchemas(api, state);
      return {
        ...state,
        outcome: 'DONE',
        waitSeconds: 0,
        deleted: [...state.deleted, ...schemas.deleted],
        keptSchemas: schemas.keptSchemas,
      };
    }
    // A dataset's schema is read once, just before the dataset goes (a
    // List does not tell it), so that deleteSchemas knows what to delete.
    const schemaArns = await Promise.all(
      plan.actions
        .filter(({ child }) => child.kind === 'dataset')
        .map(({ child }) => api.schemaArnOf(child.arn)),
    );
    state = {
      ...state,
      schemaArns: [
        ...new Set([
          ...state.schemaArns,
          ...schemaArns.filter((arn) => arn !== undefined),
        ]),
      ],
    };
    const results = await Promise.all(
      plan.actions.map(async (action) => ({
        arn: action.child.arn,
        result: await api.act(action),
      })),
    );
    state = {
      ...state,
      requested: [
        ...state.requested,
        ...results
          .filter(({ result }) => result === 'requested')
          .map(({ arn }) => arn),
      ],
    };
    const elapsed = Math.max(
      state.elapsedSeconds,
      context.wallElapsedSeconds(),
    );
    if (elapsed >= context.schedule.deadlineSeconds) {
      return {
        ...state,
        outcome: 'FAILED',
        waitSeconds: 0,
        error: {
          code: teardownErrorCodes.deadlineReached,
          message: `The dataset group still held ${state.remaining
            .map(
              (child) =>
                `${child.kind} ${child.name}${child.reason ? ` (${child.reason})` : ''}`,
            )
            .join(
              ', ',
            )} after ${Math.round(elapsed)} s; the deadline is ${context.schedule.deadlineSeconds} s`,
        },
      };
    }
    const waitSeconds = nextWaitSeconds(elapsed, context.schedule);
    state = {
      ...state,
      outcome: 'IN_PROGRESS',
      elapsedSeconds: elapsed + waitSeconds,
      waitSeconds,
    };
    if (
      !sleepsInInvocation(state, {
        remainingMs: context.remainingMs(),
        safetyMarginSeconds: context.safetyMarginSeconds,
      })
    ) {
      return state;
    }
    await context.sleep(waitSeconds * 1000);
  }
};
