import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertValidPollSchedule,
  defaultPollSchedule,
  nextWaitSeconds,
  type PollSchedule,
} from '#commons/dataset-group/poll-schedule.ts';

const schedule: PollSchedule = {
  firstWaitSeconds: 2,
  waitFraction: 0.1,
  maxWaitSeconds: 300,
  deadlineSeconds: 7200,
};

/** Valid schedules in whole seconds, as configuration provides them. */
const validSchedules = fc
  .record({
    firstWaitSeconds: fc.integer({ min: 1, max: 60 }),
    waitFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    extraMaxWait: fc.integer({ min: 0, max: 3600 }),
    extraDeadline: fc.integer({ min: 0, max: 86_400 }),
  })
  .map(({ firstWaitSeconds, waitFraction, extraMaxWait, extraDeadline }) => ({
    firstWaitSeconds,
    waitFraction,
    maxWaitSeconds: firstWaitSeconds + extraMaxWait,
    deadlineSeconds: firstWaitSeconds + extraDeadline,
  }));

describe('nextWaitSeconds', () => {
  it.each([
    { elapsed: 0, wait: 2, why: 'the first wait at the start' },
    { elapsed: 10, wait: 2, why: 'the first wait while 10% is shorter' },
    { elapsed: 29, wait: 2, why: 'the first wait while 10% rounds down to 2' },
    { elapsed: 30, wait: 3, why: '10% once it is longer than the first wait' },
    { elapsed: 100, wait: 10, why: '10% of the elapsed time' },
    { elapsed: 1000, wait: 100, why: '10% of the elapsed time' },
    { elapsed: 2999, wait: 299, why: '10% rounded down to whole seconds' },
    { elapsed: 3000, wait: 300, why: 'the cap once 10% reaches it' },
    { elapsed: 5000, wait: 300, why: 'the cap while 10% exceeds it' },
    { elapsed: 7000, wait: 200, why: 'the time left when it is under the cap' },
    { elapsed: 7190, wait: 10, why: 'the time left when it is under 10%' },
    { elapsed: 7199, wait: 1, why: 'the last second before the deadline' },
    { elapsed: 7199.5, wait: 1, why: 'a part second, rounded up' },
    { elapsed: 7200, wait: 0, why: 'nothing at the deadline' },
    { elapsed: 9000, wait: 0, why: 'nothing past the deadline' },
  ])('returns $wait s after $elapsed s: $why', ({ elapsed, wait }) => {
    // Act
    const result = nextWaitSeconds(elapsed, schedule);

    // Assess
    expect(result).toBe(wait);
  });

  it('grows in proportion to the elapsed time when the fraction changes', () => {
    // Prepare
    const quarter = { ...schedule, waitFraction: 0.25 };

    // Act
    const waits = [40, 80, 160, 320].map((elapsed) =>
      nextWaitSeconds(elapsed, quarter),
    );

    // Assess
    expect(waits).toEqual([10, 20, 40, 80]);
  });

  it('always waits the first wait when the fraction is 0', () => {
    // Prepare
    const fixed = { ...schedule, waitFraction: 0 };

    // Act
    const waits = [0, 100, 5000].map((elapsed) =>
      nextWaitSeconds(elapsed, fixed),
    );

    // Assess
    expect(waits).toEqual([2, 2, 2]);
  });

  it('stays within first and max, and ends on the deadline, for any valid schedule', () => {
    fc.assert(
      fc.property(
        validSchedules,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (anySchedule, position) => {
          // Prepare
          const elapsed = position * anySchedule.deadlineSeconds * 0.999_999;

          // Act
          const wait = nextWaitSeconds(elapsed, anySchedule);

          // Assess
          const remaining = anySchedule.deadlineSeconds - elapsed;
          expect(Number.isInteger(wait)).toBe(true);
          expect(wait).toBeLessThanOrEqual(anySchedule.maxWaitSeconds);
          expect(wait).toBeGreaterThanOrEqual(
            Math.min(anySchedule.firstWaitSeconds, Math.ceil(remaining)),
          );
          expect(wait).toBeGreaterThan(0);
          expect(elapsed + wait).toBeLessThan(anySchedule.deadlineSeconds + 1);
        },
      ),
    );
  });

  it('never shortens the next wait as time passes, until the deadline nears', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 0, max: 600 }),
        (earlier, step) => {
          // Act
          const first = nextWaitSeconds(earlier, schedule);
          const later = nextWaitSeconds(earlier + step, schedule);

          // Assess
          expect(later).toBeGreaterThanOrEqual(first);
        },
      ),
    );
  });
});

describe('assertValidPollSchedule', () => {
  it('accepts the default schedule', () => {
    // Act & Assess
    expect(() => assertValidPollSchedule(defaultPollSchedule)).not.toThrow();
  });

  it('accepts any schedule within the rules', () => {
    fc.assert(
      fc.property(validSchedules, (anySchedule) => {
        expect(() => assertValidPollSchedule(anySchedule)).not.toThrow();
      }),
    );
  });

  it.each<{ case: string; change: Partial<PollSchedule>; rule: RegExp }>([
    {
      case: 'a first wait of 0',
      change: { firstWaitSeconds: 0 },
      rule: /firstWaitSeconds must be a whole number ≥ 1/,
    },
    {
      case: 'a negative first wait',
      change: { firstWaitSeconds: -2 },
      rule: /firstWaitSeconds/,
    },
    {
      case: 'a fractional first wait',
      change: { firstWaitSeconds: 1.5 },
      rule: /firstWaitSeconds/,
    },
    {
      case: 'a first wait that is NaN',
      change: { firstWaitSeconds: Number.NaN },
      rule: /firstWaitSeconds/,
    },
    {
      case: 'a negative fraction',
      change: { waitFraction: -0.1 },
      rule: /waitFraction must be between 0 and 1/,
    },
    {
      case: 'a fraction above 1',
      change: { waitFraction: 1.5 },
      rule: /waitFraction/,
    },
    {
      case: 'a fraction that is NaN',
      change: { waitFraction: Number.NaN },
      rule: /waitFraction/,
    },
    {
      case: 'a max wait under the first wait',
      change: { maxWaitSeconds: 1 },
      rule: /maxWaitSeconds must be ≥ firstWaitSeconds/,
    },
    {
      case: 'a max wait that is NaN',
      change: { maxWaitSeconds: Number.NaN },
      rule: /maxWaitSeconds/,
    },
    {
      case: 'a deadline under the first wait',
      change: { deadlineSeconds: 1 },
      rule: /deadlineSeconds must be ≥ firstWaitSeconds/,
    },
    {
      case: 'a negative deadline',
      change: { deadlineSeconds: -1 },
      rule: /deadlineSeconds/,
    },
    {
      case: 'a deadline that is NaN',
      change: { deadlineSeconds: Number.NaN },
      rule: /deadlineSeconds/,
    },
  ])('rejects $case with a RangeError naming the rule', ({ change, rule }) => {
    // Prepare
    const invalid = { ...schedule, ...change };

    // Act & Assess
    expect(() => assertValidPollSchedule(invalid)).toThrow(RangeError);
    expect(() => assertValidPollSchedule(invalid)).toThrow(rule);
  });

  it('lists every problem when several settings are wrong', () => {
    // Prepare
    const invalid = {
      firstWaitSeconds: 0.5,
      waitFraction: 2,
      maxWaitSeconds: 0,
      deadlineSeconds: 0,
    };

    // Act & Assess
    expect(() => assertValidPollSchedule(invalid)).toThrow(
      'Invalid poll schedule: firstWaitSeconds must be a whole number ≥ 1; waitFraction must be between 0 and 1; maxWaitSeconds must be ≥ firstWaitSeconds; deadlineSeconds must be ≥ firstWaitSeconds',
    );
  });
});
