import { describe, expect, it } from 'vitest';
import { createManualClock } from '#local/personalize/clock.ts';
import { TokenBucket } from '#local/personalize/token-bucket.ts';

const takeMany = (bucket: TokenBucket, times: number) =>
  Array.from({ length: times }, () => bucket.tryTake());

describe('TokenBucket', () => {
  it('allows a burst of `burst` calls then refuses when time stands still', () => {
    // Prepare
    const clock = createManualClock();
    const bucket = new TokenBucket(clock, 2, 3);

    // Act
    const taken = takeMany(bucket, 4);

    // Assess
    expect(taken).toEqual([true, true, true, false]);
  });

  it('refills at the rate when the clock advances', () => {
    // Prepare
    const clock = createManualClock();
    const bucket = new TokenBucket(clock, 2);
    takeMany(bucket, 2);

    // Act
    clock.advance(499);
    const early = bucket.tryTake();
    clock.advance(1);
    const onTime = bucket.tryTake();

    // Assess
    expect(early).toBe(false);
    expect(onTime).toBe(true);
  });

  it('never holds more than burst tokens when idle for long', () => {
    // Prepare
    const clock = createManualClock();
    const bucket = new TokenBucket(clock, 10, 2);

    // Act
    clock.advance(60_000);
    const taken = takeMany(bucket, 3);

    // Assess
    expect(taken).toEqual([true, true, false]);
  });

  it('throws when the rate is not positive', () => {
    // Act
    const create = () => new TokenBucket(createManualClock(), 0);

    // Assess
    expect(create).toThrow(RangeError);
  });
});
