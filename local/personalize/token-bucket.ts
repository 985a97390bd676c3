import type { Clock } from './clock.ts';

/**
 * A token bucket on an injected clock: `burst` tokens at most, refilled at
 * `ratePerSecond`. Starts full. Deterministic under a manual clock.
 */
export class TokenBucket {
  readonly #clock: Clock;
  readonly #ratePerMs: number;
  readonly #burst: number;
  #tokens: number;
  #refilledAtMs: number;

  constructor(
    clock: Clock,
    ratePerSecond: number,
    burst = Math.max(1, ratePerSecond),
  ) {
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
      throw new RangeError('ratePerSecond must be a finite number > 0');
    }
    if (!(burst >= 1) || !Number.isFinite(burst)) {
      throw new RangeError('burst must be a finite number >= 1');
    }
    this.#clock = clock;
    this.#ratePerMs = ratePerSecond / 1000;
    this.#burst = burst;
    this.#tokens = burst;
    this.#refilledAtMs = clock.now();
  }

  /** Takes one token if there is one; false means "over the rate". */
  tryTake(): boolean {
    const now = this.#clock.now();
    const elapsed = Math.max(0, now - this.#refilledAtMs);
    this.#tokens = Math.min(
      this.#burst,
      this.#tokens + elapsed * this.#ratePerMs,
    );
    this.#refilledAtMs = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
