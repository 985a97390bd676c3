import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NoLocalStackError } from './cli-errors.ts';

/**
 * What `npm run local` writes in its directory (`stack.json`) so the CLI
 * can find the running stack: its endpoints, its event log and, once
 * written, the process that serves it.
 */
export interface LocalStackFile {
  apiUrl: string;
  eventLogFile: string;
  pid?: number;
  [endpoint: string]: unknown;
}

/** A stack file read back, whose `pid` names a process that is running. */
export type RunningLocalStack = LocalStackFile & { pid: number };

/** The directory of the local stack when none is named. */
export const defaultLocalDir = '.local';

/** The stack file of a local stack directory. */
export const stackFileIn = (dir: string): string => join(dir, 'stack.json');

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
 * Whether a process of this id is running: signal 0 reaches it (EPERM:
 * it runs as another user) and it is not a zombie.
 */
export const isProcessRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
  return !isZombie(pid);
};

/** The command that starts a local stack in `dir`. */
export const startCommandFor = (dir: string): string =>
  `npm run local${dir === defaultLocalDir ? '' : ` -- --dir ${dir}`}`;

const howToStart = (dir: string) =>
  `Start one with "${startCommandFor(dir)}", or pass --endpoint URL or --stage NAME.`;

const parse = (text: string, file: string, dir: string): LocalStackFile => {
  const notAStackFile = (why: string, cause?: unknown) =>
    new NoLocalStackError(
      `No local stack is running: ${file} is not a local stack file (${why}). ${howToStart(dir)}`,
      cause === undefined ? undefined : { cause },
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw notAStackFile((error as Error).message, error);
  }
  const fields = value as Partial<Record<string, unknown>> | null;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw notAStackFile('not a JSON object');
  }
  if (typeof fields.apiUrl !== 'string') throw notAStackFile('no apiUrl');
  if (fields.pid !== undefined && !Number.isSafeInteger(fields.pid)) {
    throw notAStackFile('pid is not a process id');
  }
  return fields as LocalStackFile;
};

/**
 * The local stack `dir/stack.json` names, if its process still runs:
 * otherwise (no file, not a stack file, or a process that has exited, as
 * after `kill -9`) a NoLocalStackError that says how to start one.
 */
export const readRunningLocalStack = async (
  dir: string = defaultLocalDir,
): Promise<RunningLocalStack> => {
  const file = stackFileIn(dir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    throw new NoLocalStackError(
      `No local stack is running: ${file} ${
        missing
          ? 'does not exist'
          : `cannot be read (${(error as Error).message})`
      }. ${howToStart(dir)}`,
      { cause: error },
    );
  }
  const stack = parse(text, file, dir);
  if (stack.pid === undefined) {
    throw new NoLocalStackError(
      `No local stack is running: ${file} names no process (pid). ${howToStart(dir)}`,
    );
  }
  if (!isProcessRunning(stack.pid)) {
    throw new NoLocalStackError(
      `No local stack is running: ${file} was left by process ${stack.pid}, which has exited. ${howToStart(dir)}`,
    );
  }
  return stack as RunningLocalStack;
};
