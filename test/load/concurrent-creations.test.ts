import { describe, expect, it } from 'vitest';
import { runLoad } from '#local/reliability/run-load.ts';

/**
 * 500 concurrent creations on the local stack while every Personalize
 * operation is rate-limited to 100 calls/s: the real Retry policy must
 * absorb the throttling, every execution must end in exactly one terminal
 * event, and no group may be created twice. Time and memory are printed
 * by `npm run bench:load`, not asserted.
 */
describe('500 concurrent creations under throttling', () => {
  it('loses no terminal event and duplicates none', async () => {
    // Act
    const report = await runLoad({ executions: 500, tps: 100 });

    // Assess
    expect(report.throttled).toBeGreaterThan(0);
    expect(report).toMatchObject({
      lost: 0,
      duplicated: 0,
      succeeded: 500,
      datasetGroups: 500,
    });
  }, 180_000);
});
