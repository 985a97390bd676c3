/** Time that moves only when told to: waits jump, nothing sleeps. */
export class VirtualClock {
  #now: number;
  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.#now = startMs;
  }
  now = (): number => this.#now;
  sleep = async (ms: number): Promise<void> => {
    this.advance(ms);
  };
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`cannot go back ${ms} ms`);
    this.#now += ms;
  }
}
