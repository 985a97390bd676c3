/**
 * Where handlers read the time and how they sleep. Real by default; the
 * virtual-time benchmark swaps in a clock that jumps instead of waiting,
 * so an hour of polling runs in milliseconds with the same code path.
 */
export interface HandlerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: HandlerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const clock: HandlerClock = { ...realClock };

/** Replaces the clock (the benchmark); `undefined` restores the real one. */
export const useClock = (replacement?: HandlerClock): void => {
  Object.assign(clock, replacement ?? realClock);
};
