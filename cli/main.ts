#!/usr/bin/env node
import { CliUsageError, cliUsage, parseCliOptions } from './cli-options.ts';
import { runCli } from './commands.ts';
import { TargetNotFoundError } from './target.ts';

/** The `personalize-dataset-groups` command (package.json `bin`). */
const main = async (): Promise<number> => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h') || args.length === 0) {
    process.stdout.write(`${cliUsage}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const options = parseCliOptions(args);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return runCli(options, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    signal: controller.signal,
  });
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n\n${cliUsage}\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof TargetNotFoundError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
