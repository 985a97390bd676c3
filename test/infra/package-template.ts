import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from './policy-rules.ts';

export const repositoryRoot = join(import.meta.dirname, '../..');
export const testStage = 'test';

/**
 * Runs the real `serverless package` as a user would, offline: no AWS
 * credentials, a fresh HOME, no telemetry. Returns the update template.
 */
export const packageTemplate = (): Template & {
  Outputs: Record<string, unknown>;
} => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: mkdtempSync(join(tmpdir(), 'sls-home-')),
    AWS_EC2_METADATA_DISABLED: 'true',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
  };
  for (const name of [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_PROFILE',
  ]) {
    delete env[name];
  }
  const run = spawnSync(
    process.execPath,
    [
      join(repositoryRoot, 'node_modules/osls/bin/serverless.js'),
      'package',
      '--stage',
      testStage,
    ],
    { cwd: repositoryRoot, env, encoding: 'utf8', timeout: 170_000 },
  );
  if (run.status !== 0) {
    throw new Error(`serverless package failed:\n${run.stdout}\n${run.stderr}`);
  }
  return JSON.parse(
    readFileSync(
      join(
        repositoryRoot,
        '.serverless/cloudformation-template-update-stack.json',
      ),
      'utf8',
    ),
  );
};
