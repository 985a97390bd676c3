import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repositoryRoot = join(import.meta.dirname, '../..');

/** Runs `npm start -- …` as a user does (node local/commands/start.ts). */
const start = (...args: string[]) => startIn(repositoryRoot, ...args);

const startIn = (cwd: string, ...args: string[]) => {
  const startedAt = performance.now();
  const result = spawnSync(
    process.execPath,
    [join(repositoryRoot, 'local/commands/start.ts'), ...args],
    {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
    },
  );
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    seconds: (performance.now() - startedAt) / 1000,
  };
};

/** The pretty-printed final event that follows `Final event "…":`. */
const finalEventOf = (stdout: string) => {
  const start = stdout.indexOf('\n{', stdout.indexOf('Final event'));
  const end = stdout.indexOf('\n}\n', start);
  return JSON.parse(stdout.slice(start + 1, end + 2));
};

describe('npm start', () => {
  it('creates a dataset group and exits 0 with the Dataset Group Created event', () => {
    // Act
    const run = start('--name', 'e2e-group', '--tag', 'team=ml');

    // Assess
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('→ DescribeDatasetGroup');
    expect(run.stdout).toMatch(
      /status ACTIVE \(polls 1–\d+ in one invocation\); settled/,
    );
    expect(finalEventOf(run.stdout)).toMatchObject({
      'detail-type': 'Dataset Group Created',
      detail: {
        datasetGroup: {
          status: 'ACTIVE',
          datasetGroupArn:
            'arn:aws:personalize:us-east-1:000000000000:dataset-group/e2e-group',
        },
        request: { tags: [{ tagKey: 'team', tagValue: 'ml' }] },
        alreadyExisted: false,
      },
    });
  });

  it('exits 1 with the failure reason when Personalize reports CREATE FAILED', () => {
    // Act
    const run = start('--scenario', 'create-failed');

    // Assess
    expect(run.status).toBe(1);
    const event = finalEventOf(run.stdout);
    expect(event['detail-type']).toBe('Dataset Group Creation Failed');
    expect(event.detail.error.code).toBe('DatasetGroupCreateFailed');
    expect(event.detail.datasetGroup.failureReason).toMatch(/KMS key/);
  });

  it.each([
    [
      'throttled',
      'LimitExceededException: The limit on the number of requests per second has been exceeded.',
    ],
    ['throttling-exception', 'ThrottlingException: Rate exceeded'],
  ])(
    'shows the rate-limit error of the %s scenario, retried, then created',
    (scenario, error) => {
      // Act
      const run = start('--scenario', scenario);

      // Assess
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(
        `CreateDatasetGroup failed: PersonalizeThrottledError (CreateDatasetGroup failed: ${error}`,
      );
      expect(run.stdout).toContain('retry 1 of CreateDatasetGroup');
      expect(finalEventOf(run.stdout)['detail-type']).toBe(
        'Dataset Group Created',
      );
    },
  );

  it('shows the long waits as the task’s Retry polls, then ends on the deadline (never-active)', () => {
    // Act
    const run = start('--scenario', 'never-active');

    // Assess
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /polls 1–\d+ in one invocation\); next poll in 1\d s/,
    );
    expect(run.stdout).toMatch(
      /↻ DescribeDatasetGroup \(retry 1: the next poll\)/,
    );
    expect(run.stdout).toMatch(/the task's Retry polls again in \d+ s/);
    const event = finalEventOf(run.stdout);
    expect(event['detail-type']).toBe('Dataset Group Creation Failed');
    expect(event.detail.error.code).toBe('DatasetGroupCreationTimedOut');
  }, 60_000);

  it.each([
    [['--name', 'bad name!'], /^ {2}name: .*pattern/m],
    [
      ['--domain', 'FOO'],
      /^ {2}domain: must be one of ECOMMERCE, VIDEO_ON_DEMAND$/m,
    ],
    [
      ['--kms-key-arn', 'arn:aws:kms:us-east-1:111122223333:key/x'],
      /^ {2}roleArn: is required when kmsKeyArn is given$/m,
    ],
    [['--input', 'package.json'], /^ {2}version: is not a known field$/m],
  ])(
    'rejects %j with exit 2 before the local stack starts, naming each field and rule',
    (args, issue) => {
      // Act
      const run = start(...args);

      // Assess
      expect(run.status).toBe(2);
      expect(run.seconds).toBeLessThan(5);
      expect(run.stderr).toMatch(
        /^Invalid dataset group request \(nothing was started\):\n/,
      );
      expect(run.stderr).toMatch(issue);
      expect(run.stdout).toBe('');
    },
  );

  it('answers --version with the package.json version and exits 0', () => {
    // Act
    const run = start('--version');

    // Assess
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^personalize-dataset-group-workflow \d+\.\d+\.\d+\n$/,
    );
  });

  it('exits 2 naming a flag npm start does not take', () => {
    // Act
    const run = start('--follow');

    // Assess
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'npm start does not take --follow (see: npm start -- --help)\n',
    );
    expect(run.stdout).toBe('');
  });

  it('exits 1 with one line, no stack trace and no hang, when the stack cannot start', () => {
    // Prepare: .local, where the events go, is a file.
    const cwd = mkdtempSync(join(tmpdir(), 'npm-start-'));
    writeFileSync(join(cwd, '.local'), '');

    // Act
    const run = startIn(cwd);

    // Assess
    expect(run.status).toBe(1);
    expect(run.seconds).toBeLessThan(10);
    expect(run.stderr).toMatch(/^npm start failed: \w*Error: .*\.local.*\n$/);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('exits 2 naming the scenarios when the scenario is unknown', () => {
    // Act
    const run = start('--scenario', 'nope');

    // Assess
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^--scenario must be one of happy/);
    expect(run.stdout).toBe('');
  });
});
