/** A status held for `ms` (Infinity: for good) before the next one. */
export interface Phase<S extends string = string> {
  status: S;
  ms: number;
}

/** Where a run of phases settles: a status (and why, if it failed). */
export interface Settled<S extends string = string> {
  status: S;
  failureReason?: string;
}

export interface PhaseState<S extends string = string> {
  status: S;
  lastUpdatedMs: number;
  failureReason?: string;
}

/** When phases that began at `startMs` have all run (Infinity: never). */
export const phasesEndMs = (startMs: number, phases: readonly Phase[]) =>
  phases.reduce((at, phase) => at + phase.ms, startMs);

/**
 * The state at `nowMs` of something that began at `startMs` and goes
 * through `phases` in order (a phase of 0 ms is skipped), then settles in
 * `ending`, or is gone (`undefined`) when the ending is 'gone'. Every
 * lifecycle of the emulator is one or two such runs, computed from
 * timestamps alone, so time can be real or virtual and nothing needs a
 * timer.
 */
export function phasedStateAt<S extends string>(
  startMs: number,
  phases: readonly Phase<S>[],
  ending: Settled<S>,
  nowMs: number,
): PhaseState<S>;
export function phasedStateAt<S extends string>(
  startMs: number,
  phases: readonly Phase<S>[],
  ending: Settled<S> | 'gone',
  nowMs: number,
): PhaseState<S> | undefined;
export function phasedStateAt<S extends string>(
  startMs: number,
  phases: readonly Phase<S>[],
  ending: Settled<S> | 'gone',
  nowMs: number,
): PhaseState<S> | undefined {
  let atMs = startMs;
  for (const phase of phases) {
    if (nowMs < atMs + phase.ms) {
      return { status: phase.status, lastUpdatedMs: atMs };
    }
    atMs += phase.ms;
  }
  if (ending === 'gone') return undefined;
  return {
    status: ending.status,
    lastUpdatedMs: atMs,
    ...(ending.failureReason !== undefined && {
      failureReason: ending.failureReason,
    }),
  };
}

/**
 * The status and timestamps a view shows for a state: `creationDateTime`
 * from when it was created, `lastUpdatedDateTime` from the state, and
 * failureReason only where there is one.
 */
export const stateFields = <S extends string>(
  createdAtMs: number,
  state: PhaseState<S>,
) => ({
  status: state.status,
  creationDateTime: new Date(createdAtMs),
  lastUpdatedDateTime: new Date(state.lastUpdatedMs),
  ...(state.failureReason !== undefined && {
    failureReason: state.failureReason,
  }),
});
