import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** What a deployed function finds in its environment at import time. */
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
  DELETE_STATE_MACHINE_ARN:
    'arn:aws:states:us-east-1:123456789012:stateMachine:bench-delete-dataset-group',
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

/** Milliseconds to import a module in a fresh Node process. */
const importMs = (entry: string): number => {
  const probe = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', importProbe, pathToFileURL(entry).href],
    { env: lambdaEnvironment, encoding: 'utf8' },
  );
  if (probe.status !== 0) {
    throw new Error(`importing ${entry} failed:\n${probe.stderr}`);
  }
  return Number(probe.stdout);
};

/**
 * Import times of each module over `runs` rounds: timings[module][round].
 * Each round imports every module once, in an order that rotates from
 * round to round, so a slow spell of a shared machine lands on all of
 * them alike instead of on whichever module was being measured.
 */
export const importTimes = (
  entries: readonly string[],
  runs: number,
): number[][] => {
  const timings = entries.map((): number[] => []);
  for (let round = 0; round < runs; round += 1) {
    for (let step = 0; step < entries.length; step += 1) {
      const index = (round + step) % entries.length;
      timings[index]?.push(importMs(entries[index] as string));
    }
  }
  return timings;
};

export interface ColdStartRow {
  function: string;
  zipBytes: number;
  bundleBytes: number;
  importMs: number;
  naiveBundleBytes: number;
  naiveImportMs: number;
  floorMs: number;
  /**
   * (ours − floor) / (naive − floor), the median over rounds of each
   * round's ratio: the three imports of a round run back to back, so a
   * slow spell of the machine cancels out of it. The goal is ≤ 0.5.
   */
  overheadRatio: number;
}

/**
 * Each packaged function (the zips `npm run package` leaves in
 * .serverless) beside the floor (an empty module) and a naive bundle of
 * the same handler (esbuild defaults: bundled, SDK included, no
 * minification or tree-shaking hints), each imported in fresh processes.
 */
export const measureColdStart = async (
  runs = 10,
  directory = '.serverless',
): Promise<ColdStartRow[] | { skipped: string }> => {
  if (!existsSync(directory)) {
    return { skipped: `${directory} is missing: run npm run package first` };
  }
  const zips = readdirSync(directory).filter((file) => file.endsWith('.zip'));
  if (zips.length === 0) return { skipped: `no .zip in ${directory}` };
  const work = mkdtempSync(join(tmpdir(), 'cold-start-'));
  try {
    const floorPath = join(work, 'floor.mjs');
    writeFileSync(floorPath, 'export const handler = async () => {};\n');
    const rows: ColdStartRow[] = [];
    for (const zip of zips.sort()) {
      const unpacked = join(work, zip.replace(/\.zip$/, ''));
      const unzip = spawnSync('unzip', [
        '-q',
        join(directory, zip),
        '-d',
        unpacked,
      ]);
      if (unzip.status !== 0) throw new Error(`unzip ${zip} failed`);
      const entry = readdirSync(unpacked, { recursive: true, encoding: 'utf8' })
        .map((file) => join(unpacked, file))
        .find((file) => file.endsWith('.mjs'));
      if (entry === undefined) throw new Error(`${zip} holds no .mjs`);
      const source = join(
        'functions',
        `${entry.replace(/^.*\//, '').replace(/\.mjs$/, '')}.ts`,
      );
      const naivePath = join(work, `naive-${zip.replace(/\.zip$/, '')}.mjs`);
      await build({
        entryPoints: [source],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: naivePath,
        banner: {
          js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        },
        logLevel: 'silent',
      });
      const [floors = [], ours = [], naives = []] = importTimes(
        [floorPath, entry, naivePath],
        runs,
      );
      const floorMs = median(floors);
      rows.push({
        function: zip.replace(/\.zip$/, ''),
        zipBytes: statSync(join(directory, zip)).size,
        bundleBytes: statSync(entry).size,
        importMs: median(ours),
        naiveBundleBytes: statSync(naivePath).size,
        naiveImportMs: median(naives),
        floorMs,
        overheadRatio: median(
          ours.map(
            (ms, round) =>
              (ms - (floors[round] ?? 0)) /
              ((naives[round] ?? 0) - (floors[round] ?? 0)),
          ),
        ),
      });
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};
