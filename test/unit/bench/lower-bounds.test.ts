import { describe, expect, it } from 'vitest';
import {
  latencyNear,
  minimumCostUsd,
  minimumPolls,
} from '../../../bench/polling/lower-bounds.ts';

describe('the benchmark’s lower bounds', () => {
  it('counts the polls of the greedy schedule: 2 s gaps to 20 s, then ×1.1', () => {
    expect(minimumPolls(10)).toBe(5);
    expect(minimumPolls(20)).toBe(10);
    // 20 × 1.1^54 < 3600 ≤ 20 × 1.1^55
    expect(minimumPolls(3600)).toBe(65);
  });

  it('prices the waits to T at one slept second or one transition per longest gap, whichever is less', () => {
    // Up to 150 s every gap is under 15 s: sleeping (0.125 GB × $0.0000133334
    // a second) is cheaper than a transition.
    const fixed = 3 * 0.000025 + 2 * 0.0000002 + 0.000001;
    expect(minimumCostUsd(120)).toBeCloseTo(
      120 * 0.125 * 0.0000133334 + fixed,
      7,
    );
    // Beyond, a transition per gap of 10% of t: 0.00025 × ln(t2 / t1).
    expect(minimumCostUsd(300) - minimumCostUsd(150)).toBeCloseTo(
      0.00025 * Math.log(2),
      6,
    );
  });

  it('gives the first poll at or after each creation time, or nothing when the polls stop first', () => {
    expect(latencyNear([0, 120, 240], 120, 132, 3)).toEqual({
      worst: 114,
      mean: (0 + 114 + 108) / 3,
    });
    expect(latencyNear([10, 20], 15, 25)).toBeUndefined();
  });
});
