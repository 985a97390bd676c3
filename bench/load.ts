/**
 * Load: N concurrent creations through the local stack with throttling
 * injected (a token-bucket rate limit on every Personalize operation).
 * Checks that every execution reaches exactly one terminal event and that
 * no dataset group is created twice, and prints wall time and peak memory.
 *
 *   npm run bench:load [-- --executions 500 --tps 50]
 */
import { parseArgs } from 'node:util';
import { runLoad } from '#local/reliability/run-load.ts';

const { values } = parseArgs({
  options: {
    executions: { type: 'string', default: '500' },
    tps: { type: 'string', default: '50' },
  },
});
const executions = Number(values.executions);
const tps = Number(values.tps);
if (!Number.isInteger(executions) || executions < 1 || !(tps > 0)) {
  throw new RangeError('--executions must be ≥ 1 and --tps > 0');
}

const report = await runLoad({
  executions,
  tps,
  onProgress: (done) => {
    if (done % 50 === 0) {
      process.stdout.write(`  ${done}/${executions} executions ended\n`);
    }
  },
});
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exitCode = report.lost === 0 && report.duplicated === 0 ? 0 : 1;
