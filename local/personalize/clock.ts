/** Where the emulator reads the time, in epoch milliseconds. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for deterministic tests. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(epochMs: number): void;
}

export const createManualClock = (
  startMs = Date.UTC(2026, 0, 1),
): ManualClock => {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`cannot advance the clock by ${ms} ms`);
      }
      current += ms;
    },
    set(epochMs) {
      current = epochMs;
    },
  };
};
