import {
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { LocalServerPorts } from './ports.ts';

/** The directory `npm run local` keeps its state in, by default. */
export const defaultStackDirectory = '.local';

/** What `npm run local` writes so clients (the CLI) find the stack. */
export interface LocalStackFile {
  /** The process serving the stack; the file is stale once it is gone. */
  pid: number;
  /** `starting` from the moment the directory is claimed. */
  state: 'starting' | 'ready';
  startedAt: string;
  apiUrl?: string;
  stepFunctionsEndpoint?: string;
  eventBridgeEndpoint?: string;
  personalizeEndpoint?: string;
  /** The console page (`npm run local` prints it). */
  consoleUrl?: string;
  ports?: LocalServerPorts;
  region?: string;
  eventBusName?: string;
  eventSource?: string;
  createStateMachineArn?: string;
  deleteStateMachineArn?: string;
  /** The SQLite file with the stack's state (events included). */
  databaseFile?: string;
}

export const stackFileOf = (directory: string): string =>
  join(directory, 'stack.json');

export const databaseFileOf = (directory: string): string =>
  join(directory, 'stack.db');

/** On Linux, whether the process has exited but is not reaped yet. */
const isZombie = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
};

/**
 * Whether a process of that id is running: signal 0 reaches it (EPERM:
 * it runs as another user) and it is not a zombie.
 */
export const isProcessAlive = (pid: number): boolean => {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
};

/** The stack file of `directory`, or undefined when absent or unreadable. */
export const readStackFile = (
  directory: string,
): LocalStackFile | undefined => {
  let text: string;
  try {
    text = readFileSync(stackFileOf(directory), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LocalStackFile>;
    return typeof parsed.pid === 'number'
      ? (parsed as LocalStackFile)
      : undefined;
  } catch {
    return undefined;
  }
};

/** Another live process serves a stack from this directory. */
export class StackDirectoryInUseError extends Error {
  readonly running: LocalStackFile;
  constructor(directory: string, running: LocalStackFile) {
    super(
      `A local stack is already running from ${directory} (pid ${running.pid}${
        running.apiUrl === undefined
          ? ', starting'
          : `, HTTP API ${running.apiUrl}`
      }): stop it, or start another one with its own directory and ports, e.g. npm run local -- --dir ${directory}-2 --port-base 0`,
    );
    this.name = 'StackDirectoryInUseError';
    this.running = running;
  }
}

export interface StackDirectoryClaim {
  directory: string;
  stackFile: string;
  databaseFile: string;
  /** Replaces the stack file (atomically) with the ready stack's. */
  publish(
    description: Omit<LocalStackFile, 'pid' | 'state' | 'startedAt'>,
  ): void;
  /** Removes the stack file, if it is still this process's. */
  release(): void;
}

/**
 * Claims `directory` for this process: its stack file is created with
 * O_EXCL, so two stacks cannot start from one directory; a file left by a
 * process that is gone (a `kill -9`) is stale and taken over. Nothing
 * else in the directory is touched.
 */
export const claimStackDirectory = (
  directory: string,
  now: () => Date = () => new Date(),
): StackDirectoryClaim => {
  const stackFile = stackFileOf(directory);
  mkdirSync(directory, { recursive: true });
  const startedAt = now().toISOString();
  const own: LocalStackFile = {
    pid: process.pid,
    state: 'starting',
    startedAt,
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(stackFile, `${JSON.stringify(own)}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        throw error;
      }
      const existing = readStackFile(directory);
      if (existing !== undefined && isProcessAlive(existing.pid)) {
        throw new StackDirectoryInUseError(directory, existing);
      }
      rmSync(stackFile, { force: true });
    }
  }
  return {
    directory,
    stackFile,
    databaseFile: databaseFileOf(directory),
    publish(description) {
      const temporary = `${stackFile}.${process.pid}.tmp`;
      const file: LocalStackFile = { ...own, ...description, state: 'ready' };
      writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`);
      renameSync(temporary, stackFile);
    },
    release() {
      if (readStackFile(directory)?.pid === process.pid) {
        rmSync(stackFile, { force: true });
      }
    },
  };
};
