#!/usr/bin/env node
import {
  CliError,
  CliRequestRejectedError,
  CliUsageError,
  describeUnexpected,
} from './cli-errors.ts';
import { readCommandLine } from './cli-options.ts';
import { cliUsage } from './cli-usage.ts';
import { cliCommandLine } from './commands/cli-io.ts';
import { runCli } from './commands.ts';

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

/** The `personalize-dataset-groups` command (package.json `bin`). */
const main = async (args: string[]): Promise<number> => {
  if (args.length === 0) {
    err(cliUsage);
    return 2;
  }
  const line = readCommandLine(args);
  if (line.kind !== 'run') {
    out(line.text);
    return 0;
  }
  const { options } = line;
  const follows =
    options.command === 'events'
      ? options.follow
      : (options.command === 'create' || options.command === 'delete') &&
        options.wait;
  const controller = new AbortController();
  // Only while following: elsewhere Ctrl-C ends the process as usual.
  if (follows) process.once('SIGINT', () => controller.abort());
  return runCli(options, { out, err, signal: controller.signal });
};

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliUsageError) {
      err(
        error instanceof CliRequestRejectedError
          ? error.message
          : `${error.message} (see: ${cliCommandLine([
              ...(error.command === undefined ? [] : [error.command]),
              '--help',
            ])})`,
      );
      process.exitCode = 2;
      return;
    }
    err(
      error instanceof CliError
        ? error.message
        : `Unexpected error: ${describeUnexpected(error)}`,
    );
    process.exitCode = 1;
  },
);
