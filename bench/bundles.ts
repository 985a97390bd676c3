/**
 * Measures each packaged Lambda bundle: zip size, unzipped entry size, and
 * the time a fresh Node process takes to import it (cold-start import cost),
 * as the median of N runs. Reads the zips `npm run package` leaves in
 * .serverless/; run that first.
 *
 *   npm run package && npm run bench:bundles [-- --runs 10]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    dir: { type: 'string', default: '.serverless' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  throw new RangeError(
    `--runs must be a whole number >= 1, got ${values.runs}`,
  );
}

// What a deployed function finds in its environment at import time.
const lambdaEnvironment = {
  ...process.env,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_TRACE_ENABLED: 'false',
  STATE_MACHINE_ARN:
    'arn:aws:states:us-east-1:123456789012:stateMachine:bench-create-dataset-group',
};

const importProbe = `
const started = performance.now();
await import(process.argv[1]);
process.stdout.write(String(performance.now() - started));
`;

const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const filesUnder = (directory: string): string[] =>
  readdirSync(directory, { recursive: true, encoding: 'utf8' }).map((file) =>
    join(directory, file),
  );

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const zips = readdirSync(values.dir)
  .filter((file) => file.endsWith('.zip'))
  .sort();
if (zips.length === 0) {
  process.stderr.write(`No .zip in ${values.dir}: run npm run package first\n`);
  process.exit(1);
}

process.stdout.write(
  `Node ${process.version}; import time = median of ${runs} fresh processes\n\n`,
);
process.stdout.write(
  `${'bundle'.padEnd(40)}${'zip'.padStart(12)}${'entry .mjs'.padStart(14)}${'import ms'.padStart(12)}${'min–max'.padStart(16)}\n`,
);
for (const zip of zips) {
  const zipPath = join(values.dir, zip);
  const unpacked = mkdtempSync(join(tmpdir(), 'bundle-'));
  try {
    const unzip = spawnSync('unzip', ['-q', zipPath, '-d', unpacked]);
    if (unzip.status !== 0) {
      throw new Error(`unzip ${zipPath} failed: ${unzip.stderr}`);
    }
    const entries = filesUnder(unpacked).filter((file) =>
      file.endsWith('.mjs'),
    );
    const entry = entries[0];
    if (entries.length !== 1 || entry === undefined) {
      throw new Error(
        `${zip}: expected one .mjs entry, found ${entries.map((file) => relative(unpacked, file)).join(', ') || 'none'}`,
      );
    }
    const timings: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const probe = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', importProbe, pathToFileURL(entry).href],
        { cwd: unpacked, env: lambdaEnvironment, encoding: 'utf8' },
      );
      if (probe.status !== 0) {
        throw new Error(`importing ${zip} failed:\n${probe.stderr}`);
      }
      timings.push(Number(probe.stdout));
    }
    process.stdout.write(
      `${zip.padEnd(40)}${kib(statSync(zipPath).size).padStart(12)}${kib(statSync(entry).size).padStart(14)}${median(timings).toFixed(1).padStart(12)}${`${Math.min(...timings).toFixed(1)}–${Math.max(...timings).toFixed(1)}`.padStart(16)}\n`,
    );
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}
