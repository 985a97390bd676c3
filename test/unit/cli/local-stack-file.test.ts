import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoLocalStackError } from '#cli/cli-errors.ts';
import { readRunningLocalStack } from '#cli/local-stack-file.ts';
import {
  isProcessAlive,
  stackFileOf,
} from '#local/commands/serve/stack-file.ts';

/** The id of a process that has run and exited (and been reaped). */
const exitedPid = (): number => {
  const run = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(String(process.pid))'],
    {
      encoding: 'utf8',
    },
  );
  return Number(run.stdout);
};

const stackDir = (contents?: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'local-stack-'));
  if (contents !== undefined) writeFileSync(stackFileOf(dir), contents);
  return dir;
};

const stackFile = (pid: number | undefined, state = 'ready') =>
  JSON.stringify({
    state,
    apiUrl: 'http://127.0.0.1:3000',
    databaseFile: '.local/stack.db',
    ...(pid === undefined ? {} : { pid }),
  });

describe('readRunningLocalStack', () => {
  it('returns the stack when the process that wrote the file runs', async () => {
    // Prepare
    const dir = stackDir(stackFile(process.pid));

    // Act
    const stack = await readRunningLocalStack(dir);

    // Assess
    expect(stack).toMatchObject({
      apiUrl: 'http://127.0.0.1:3000',
      pid: process.pid,
    });
  });

  it('says no local stack is running when the pid has exited', async () => {
    // Prepare
    const pid = exitedPid();
    const dir = stackDir(stackFile(pid));

    // Act
    const reading = readRunningLocalStack(dir);

    // Assess
    await expect(reading).rejects.toBeInstanceOf(NoLocalStackError);
    await expect(reading).rejects.toThrow(
      `No local stack is running: ${stackFileOf(dir)} was left by process ${pid}, which has exited. Start one with "npm run local -- --dir ${dir}"`,
    );
  });

  it('says the stack is still starting while its file says so', async () => {
    // Prepare
    const dir = stackDir(
      JSON.stringify({ pid: process.pid, state: 'starting' }),
    );

    // Act
    const reading = readRunningLocalStack(dir);

    // Assess
    await expect(reading).rejects.toThrow(
      `The local stack in ${dir} (process ${process.pid}) is still starting: try again in a moment.`,
    );
  });

  it('says how to start one when the file does not exist', async () => {
    // Prepare
    const dir = stackDir();

    // Act
    const reading = readRunningLocalStack(dir);

    // Assess
    await expect(reading).rejects.toThrow(
      `No local stack is running: ${stackFileOf(dir)} does not exist.`,
    );
  });

  it.each([
    ['{not json', /is not a local stack file \(.*JSON/],
    ['[1]', /is not a local stack file \(not a JSON object\)/],
    ['{"pid": 1}', /is not a local stack file \(no apiUrl\)/],
    [stackFile(undefined), /is not a local stack file \(no process id\)/],
    [
      JSON.stringify({ apiUrl: 'http://x', pid: 'x' }),
      /is not a local stack file \(no process id\)/,
    ],
  ])('rejects the stack file %s', async (contents, message) => {
    // Prepare
    const dir = stackDir(contents);

    // Act
    const reading = readRunningLocalStack(dir);

    // Assess
    await expect(reading).rejects.toBeInstanceOf(NoLocalStackError);
    await expect(reading).rejects.toThrow(message);
  });

  it('says it cannot be read when the stack file is a directory', async () => {
    // Prepare
    const dir = stackDir();
    mkdirSync(stackFileOf(dir));

    // Act
    const reading = readRunningLocalStack(dir);

    // Assess
    await expect(reading).rejects.toThrow(/stack.json cannot be read \(/);
  });
});

describe('isProcessAlive', () => {
  it('tells a running process from one that has exited', () => {
    // Act
    const running = isProcessAlive(process.pid);
    const exited = isProcessAlive(exitedPid());

    // Assess
    expect(running).toBe(true);
    expect(exited).toBe(false);
  });
});
