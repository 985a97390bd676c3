import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  claimStackDirectory,
  isProcessAlive,
  readStackFile,
  StackDirectoryInUseError,
} from '#local/commands/serve/stack-file.ts';

const directories: string[] = [];
const newDirectory = () => {
  const directory = mkdtempSync(join(tmpdir(), 'stack-dir-'));
  directories.push(directory);
  return directory;
};

/** The pid of a process that has exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 0;
};

afterEach(() => {
  for (const directory of directories.splice(0)) {
    rmSync(directory, { recursive: true, force: true });
  }
});

describe('claimStackDirectory', () => {
  it('writes a starting stack file, then the ready one, then removes it', () => {
    // Prepare
    const directory = newDirectory();

    // Act
    const claim = claimStackDirectory(directory);
    const starting = readStackFile(directory);
    claim.publish({ apiUrl: 'http://127.0.0.1:3000' });
    const ready = readStackFile(directory);
    claim.release();

    // Assess
    expect(starting).toMatchObject({ pid: process.pid, state: 'starting' });
    expect(ready).toMatchObject({
      pid: process.pid,
      state: 'ready',
      apiUrl: 'http://127.0.0.1:3000',
    });
    expect(existsSync(claim.stackFile)).toBe(false);
  });

  it('refuses a directory whose stack file names a live process, and leaves it be', () => {
    // Prepare
    const directory = newDirectory();
    const running = { pid: process.ppid, state: 'ready', apiUrl: 'http://x' };
    writeFileSync(join(directory, 'stack.json'), JSON.stringify(running));

    // Act
    const claim = () => claimStackDirectory(directory);

    // Assess
    expect(claim).toThrow(StackDirectoryInUseError);
    expect(claim).toThrow(/--dir .*--port-base 0/);
    expect(readStackFile(directory)).toEqual(running);
  });

  it('takes over a stack file left by a process that is gone', () => {
    // Prepare
    const directory = newDirectory();
    const pid = deadPid();
    writeFileSync(
      join(directory, 'stack.json'),
      JSON.stringify({ pid, state: 'ready' }),
    );

    // Act
    const claim = claimStackDirectory(directory);

    // Assess
    expect(isProcessAlive(pid)).toBe(false);
    expect(readStackFile(directory)?.pid).toBe(process.pid);
    claim.release();
  });
});
