import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '#local/commands/serve/local-server.ts';
import { faultScenarios } from '#local/reliability/fault-scenarios.ts';
import { startReliabilityStack } from '#local/reliability/reliability-stack.ts';
import { runFaultScenario } from '#local/reliability/run-fault-scenario.ts';

/**
 * The fault matrix (docs/reliability.md is generated from the same
 * scenarios by `npm run test:reliability`): every run ends in exactly one
 * terminal event of the expected kind, and no group is created twice.
 */
describe('fault matrix', () => {
  let stack: LocalServer;

  beforeAll(async () => {
    stack = await startReliabilityStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('has at least 12 scenarios', () => {
    expect(faultScenarios.length).toBeGreaterThanOrEqual(12);
  });

  it.each(faultScenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s',
    async (_, scenario) => {
      // Act
      const result = await runFaultScenario(stack, scenario);

      // Assess
      expect(result.problems).toEqual([]);
      if (scenario.expected.retried) {
        expect(result.injected).toBeGreaterThan(0);
      }
    },
  );
});
