import type { Clock } from './clock.ts';
import { operationNames } from './operation-names.ts';

/**
 * Calls received per X-Amz-Target operation name (known ones start at 0),
 * and when each arrived on the emulator's clock.
 */
export class CallCounter {
  readonly #clock: Clock;
  #times = new Map<string, number[]>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  count(operation: string): void {
    const times = this.#times.get(operation) ?? [];
    times.push(this.#clock.now());
    this.#times.set(operation, times);
  }

  snapshot(): Record<string, number> {
    return {
      ...Object.fromEntries(operationNames.map((name) => [name, 0])),
      ...Object.fromEntries(
        [...this.#times].map(([name, times]) => [name, times.length]),
      ),
    };
  }

  /** Epoch ms of each call of `operation`, in arrival order. */
  timesOf(operation: string): number[] {
    return [...(this.#times.get(operation) ?? [])];
  }

  reset(): void {
    this.#times = new Map();
  }
}
