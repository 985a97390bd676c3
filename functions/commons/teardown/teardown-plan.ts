import {
  type ChildResource,
  describeChild,
  isBeingCreated,
  isBeingDeleted,
  isStopping,
  isSwitching,
  isTraining,
} from './child-resources.ts';

export interface TeardownAction {
  child: ChildResource;
  /** Delete it, or stop its training (a solution version). */
  operation: 'delete' | 'stop';
}

export interface WaitingChild {
  child: ChildResource;
  reason: string;
}

export interface FailedChild {
  child: ChildResource;
  reason: string;
}

export interface TeardownPlan {
  actions: TeardownAction[];
  waiting: WaitingChild[];
  failed: FailedChild[];
}

/**
 * What blocks a child's deletion among the children still there, in the
 * order Personalize requires: campaigns and training versions before
 * their solution; recommenders, solutions and event trackers (and the
 * campaigns of those solutions) before the datasets.
 */
const blockersOf = (
  child: ChildResource,
  remaining: readonly ChildResource[],
): ChildResource[] => {
  switch (child.kind) {
    case 'solution':
      return remaining.filter(
        (other) =>
          other.solutionArn === child.arn &&
          (other.kind === 'campaign' || isTraining(other) || isStopping(other)),
      );
    case 'dataset':
      return remaining.filter(
        (other) =>
          other.kind === 'recommender' ||
          other.kind === 'solution' ||
          other.kind === 'campaign' ||
          other.kind === 'eventTracker',
      );
    default:
      return [];
  }
};

/**
 * The next step of a teardown, from what the group holds now (pure):
 * every child that can go now is deleted (every kind at once, where the
 * order allows), a training solution version is stopped, and the others
 * wait, each with the reason. A child whose deletion this teardown
 * already asked for and that is no longer being deleted was given up by
 * Personalize: a failure that names it. Schemas are not planned here.
 */
export const planTeardown = (
  children: readonly ChildResource[],
  requested: ReadonlySet<string>,
): TeardownPlan => {
  const plan: TeardownPlan = { actions: [], waiting: [], failed: [] };
  for (const child of children) {
    if (child.kind === 'schema') continue;
    if (child.kind === 'solutionVersion') {
      if (isTraining(child)) {
        if (requested.has(child.arn)) {
          plan.waiting.push({ child, reason: 'its training is being stopped' });
        } else {
          plan.actions.push({ child, operation: 'stop' });
        }
      } else if (isStopping(child)) {
        plan.waiting.push({ child, reason: 'its training is stopping' });
      }
      // Any other version goes with its solution.
      continue;
    }
    if (isBeingDeleted(child)) {
      plan.waiting.push({ child, reason: 'it is being deleted' });
      continue;
    }
    if (requested.has(child.arn)) {
      plan.failed.push({
        child,
        reason: `Personalize gave up deleting ${describeChild(child)}: it is ${child.status ?? 'in an unknown status'} again${child.failureReason ? ` (${child.failureReason})` : ''}`,
      });
      continue;
    }
    if (isBeingCreated(child)) {
      plan.waiting.push({ child, reason: 'it is still being created' });
      continue;
    }
    if (isSwitching(child)) {
      plan.waiting.push({
        child,
        reason: `it is ${child.status?.toLowerCase()}`,
      });
      continue;
    }
    const blockers = blockersOf(child, children);
    if (blockers.length > 0) {
      plan.waiting.push({
        child,
        reason: `it waits for ${blockers.map(describeChild).join(', ')}`,
      });
      continue;
    }
    plan.actions.push({ child, operation: 'delete' });
  }
  return plan;
};
