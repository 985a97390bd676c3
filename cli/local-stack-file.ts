import { readFile } from 'node:fs/promises';
import {
  defaultStackDirectory,
  isProcessAlive,
  type LocalStackFile,
  stackFileOf,
} from '#local/commands/serve/stack-file.ts';
import { NoLocalStackError } from './cli-errors.ts';

/** A stack file read back, whose process is running and ready. */
export type RunningLocalStack = LocalStackFile & { apiUrl: string };

/** The command that starts a local stack in `dir`. */
export const startCommandFor = (dir: string): string =>
  `npm run local${dir === defaultStackDirectory ? '' : ` -- --dir ${dir}`}`;

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
  if (!Number.isSafeInteger(fields.pid)) {
    throw notAStackFile('no process id');
  }
  if (fields.state !== 'starting' && typeof fields.apiUrl !== 'string') {
    throw notAStackFile('no apiUrl');
  }
  return fields as unknown as LocalStackFile;
};

/**
 * The local stack `dir/stack.json` names, if its process still runs:
 * otherwise (no file, not a stack file, or a process that has exited, as
 * after `kill -9`) a NoLocalStackError that says how to start one.
 */
export const readRunningLocalStack = async (
  dir: string = defaultStackDirectory,
): Promise<RunningLocalStack> => {
  const file = stackFileOf(dir);
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
  if (!isProcessAlive(stack.pid)) {
    throw new NoLocalStackError(
      `No local stack is running: ${file} was left by process ${stack.pid}, which has exited. ${howToStart(dir)}`,
    );
  }
  if (stack.state === 'starting' || stack.apiUrl === undefined) {
    throw new NoLocalStackError(
      `The local stack in ${dir} (process ${stack.pid}) is still starting: try again in a moment.`,
    );
  }
  return stack as RunningLocalStack;
};
