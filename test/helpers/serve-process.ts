import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach } from 'vitest';
import {
  type LocalStackFile,
  readStackFile,
} from '#local/commands/serve/stack-file.ts';

export const repositoryRoot = join(import.meta.dirname, '../..');

export interface ServeProcess {
  child: ChildProcess;
  /** What it printed so far, stdout and stderr together. */
  output: () => string;
  /** Resolves with its exit code (or the signal that ended it). */
  exited: Promise<number | NodeJS.Signals>;
}

/** Starts `npm run local -- …args` as a user does (node local/commands/serve.ts). */
export const spawnServe = (args: string[]): ServeProcess => {
  const child = spawn(
    process.execPath,
    [join(repositoryRoot, 'local/commands/serve.ts'), ...args],
    { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'SIGKILL'));
  });
  return { child, output: () => output, exited };
};

/**
 * Waits (at most `timeoutMs`) until the stack of `directory` is ready and
 * served by `child`, and returns its stack file.
 */
export const waitUntilReady = async (
  serve: ServeProcess,
  directory: string,
  timeoutMs = 20_000,
): Promise<Required<LocalStackFile>> => {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | NodeJS.Signals | undefined;
  void serve.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    const file = readStackFile(directory);
    if (file?.state === 'ready' && file.pid === serve.child.pid) {
      return file as Required<LocalStackFile>;
    }
    if (exitCode !== undefined) {
      throw new Error(
        `npm run local exited (${exitCode}) before it was ready:\n${serve.output()}`,
      );
    }
    await sleep(50);
  }
  throw new Error(
    `npm run local not ready in ${timeoutMs} ms:\n${serve.output()}`,
  );
};

/** Stops a stack with SIGINT (as Ctrl-C does) and waits for its exit. */
export const stopServe = async (
  serve: ServeProcess,
): Promise<number | NodeJS.Signals> => {
  if (serve.child.exitCode === null && serve.child.signalCode === null) {
    serve.child.kill('SIGINT');
  }
  return serve.exited;
};

/**
 * For a test file that starts `npm run local` processes: each gets a new
 * state directory and is stopped, and its directory removed, after each
 * test.
 */
export const serveProcesses = (prefix: string) => {
  const directories: string[] = [];
  const running: ServeProcess[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map(stopServe));
    for (const directory of directories.splice(0)) {
      rmSync(directory, { recursive: true, force: true });
    }
  });
  return {
    newDirectory: (): string => {
      const directory = mkdtempSync(join(tmpdir(), prefix));
      directories.push(directory);
      return directory;
    },
    serve: (args: string[]): ServeProcess => {
      const process = spawnServe(args);
      running.push(process);
      return process;
    },
  };
};
