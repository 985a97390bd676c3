import type { ChildKind } from './child-kinds.ts';
import { creationStateAt } from './creation-lifecycle.ts';
import type { CreationFate } from './dataset-group-lifecycle.ts';
import {
  type Phase,
  type PhaseState,
  phasedStateAt,
  phasesEndMs,
} from './lifecycle-phases.ts';
import type { ChildLifecycleTimings } from './lifecycle-timings.ts';
import { type ChildStatus, resourceStatus } from './resource-status.ts';

/** How a deletion ends; decided once, when it is requested. */
export type DeletionFate =
  | { outcome: 'GONE' }
  /** Gives up: back to the status it had, with failureReason (a fault). */
  | { outcome: 'DELETE FAILED'; failureReason: string };

export const goneFate: DeletionFate = { outcome: 'GONE' };

/**
 * The latest thing asked of a resource after its creation; it decides
 * the status from then on (each is accepted only once the one before it
 * has settled, or, for stopCreation, while the creation runs).
 */
export type ChildAction =
  | {
      kind: 'delete';
      atMs: number;
      fate: DeletionFate;
      /** The status it had when the delete was asked (it goes back there). */
      resumeStatus: ChildStatus;
    }
  /** StopRecommender. */
  | { kind: 'stop'; atMs: number }
  /** StartRecommender. */
  | { kind: 'start'; atMs: number }
  /** StopSolutionVersionCreation, and the status it was asked in. */
  | {
      kind: 'stopCreation';
      atMs: number;
      from:
        | typeof resourceStatus.createPending
        | typeof resourceStatus.createInProgress;
    };

/** What the lifecycle needs to know about a resource of a group. */
export interface ChildLifecycleFacts {
  kind: ChildKind;
  createdAtMs: number;
  fate: CreationFate;
  action?: ChildAction;
}

export type ChildState = PhaseState<ChildStatus>;

type Run = { phases: Phase<ChildStatus>[]; ending: ChildEnding };
type ChildEnding = { status: ChildStatus; failureReason?: string } | 'gone';

/** The phases an action goes through, and where it ends. */
const runOf = (action: ChildAction, timings: ChildLifecycleTimings): Run => {
  const pending = (status: ChildStatus) => ({
    status,
    ms: timings.childPendingMs,
  });
  /** A recommender's stop or start: queued, then running, then settled. */
  const switchRun = (
    queued: ChildStatus,
    running: ChildStatus,
    runningMs: number,
    settled: ChildStatus,
  ): Run => ({
    phases: [pending(queued), { status: running, ms: runningMs }],
    ending: { status: settled },
  });
  switch (action.kind) {
    case 'delete':
      return {
        phases: [
          pending(resourceStatus.deletePending),
          {
            status: resourceStatus.deleteInProgress,
            ms: timings.childDeleteMs,
          },
        ],
        ending:
          action.fate.outcome === 'GONE'
            ? 'gone'
            : {
                status: action.resumeStatus,
                failureReason: action.fate.failureReason,
              },
      };
    case 'stop':
      return switchRun(
        resourceStatus.stopPending,
        resourceStatus.stopInProgress,
        timings.recommenderStopMs,
        resourceStatus.inactive,
      );
    case 'start':
      return switchRun(
        resourceStatus.startPending,
        resourceStatus.startInProgress,
        timings.recommenderStartMs,
        resourceStatus.active,
      );
    case 'stopCreation':
      return {
        phases:
          action.from === resourceStatus.createPending
            ? []
            : [
                {
                  status: resourceStatus.createStopping,
                  ms: timings.solutionVersionStopMs,
                },
              ],
        ending: { status: resourceStatus.createStopped },
      };
  }
};

/**
 * The status of a resource of a group at `nowMs`, from its timestamps
 * alone: the creation (childPendingMs, then childInProgressMs or, for a
 * solution version, solutionVersionTrainingMs, then its fate), or the run
 * of its latest action; `undefined` once a deletion has finished.
 */
export const childStateAt = (
  facts: ChildLifecycleFacts,
  timings: ChildLifecycleTimings,
  nowMs: number,
): ChildState | undefined => {
  if (facts.action === undefined) {
    return creationStateAt(
      facts.createdAtMs,
      facts.fate,
      {
        pendingMs: timings.childPendingMs,
        inProgressMs:
          facts.kind === 'solutionVersion'
            ? timings.solutionVersionTrainingMs
            : timings.childInProgressMs,
      },
      nowMs,
    );
  }
  const { phases, ending } = runOf(facts.action, timings);
  return phasedStateAt(facts.action.atMs, phases, ending, nowMs);
};

/** When the resource is (or will be) gone; undefined if it stays. */
export const goneAtOf = (
  facts: ChildLifecycleFacts,
  timings: ChildLifecycleTimings,
): number | undefined => {
  const { action } = facts;
  if (action?.kind !== 'delete' || action.fate.outcome !== 'GONE') {
    return undefined;
  }
  return phasesEndMs(action.atMs, runOf(action, timings).phases);
};
