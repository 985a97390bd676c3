/** Where a command writes, and the signal that Ctrl-C aborts. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  signal?: AbortSignal;
}

/** The exit status of a command that Ctrl-C stopped (128 + SIGINT). */
export const interruptedExitStatus = 130;

const plainWord = /^[\w@%+=:,./-]+$/;

/** A word as a POSIX shell reads it back, quoted only when it must be. */
export const shellWord = (word: string): string =>
  plainWord.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;

/** The command line that runs `args` again, for hints to the user. */
export const cliCommandLine = (args: string[]): string =>
  ['npm run cli --', ...args.map(shellWord)].join(' ');
