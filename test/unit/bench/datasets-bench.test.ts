import { describe, expect, it } from 'vitest';
import { runDatasetsBench } from '../../../bench/run-datasets.ts';

describe('the datasets bench in virtual time', () => {
  it('runs the real workflows and MPEM’s, with the datasets side by side', async () => {
    const { runs } = await runDatasetsBench([10]);
    // Two policies × (no imports, imports) × three creation times near T.
    expect(runs).toHaveLength(12);
    for (const run of runs) {
      expect(run.status).toBe('SUCCEEDED');
      // Nothing can be Ready before the service is.
      expect(run.readySeconds).toBeGreaterThanOrEqual(run.criticalPathSeconds);
      expect(run.createSpreadSeconds).toBeLessThanOrEqual(0.5);
    }
    const ours = runs.filter((run) => run.policy === 'this-project');
    const mpem = runs.filter((run) => run.policy === 'mpem');
    // Polled on the adaptive schedule: seconds late, not minutes; 3
    // datasets polled at once, each in its own invocation.
    for (const run of ours) {
      expect(run.overheadSeconds).toBeLessThan(5);
      expect(run.describeCalls).toBeGreaterThan(3 * (run.datasetSeconds / 2));
    }
    // MPEM's first retry comes 60 s after its first look at the dataset.
    for (const run of mpem) expect(run.overheadSeconds).toBeGreaterThan(40);
    // With imports, three more stages ran: more transitions, events.
    const [plain, imported] = [false, true].map(
      (imports) =>
        ours.find(
          (run) => (run.importSeconds !== undefined) === imports,
        ) as (typeof ours)[number],
    );
    expect(imported?.transitions).toBeGreaterThan(plain?.transitions ?? 0);
    expect(imported?.events).toBe((plain?.events ?? 0) + 3);
  }, 60_000);
});
