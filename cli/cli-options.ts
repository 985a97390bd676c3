import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { isValidIdempotencyKey } from '#commons/executions/execution-names.ts';
import { CliUsageError } from './cli-errors.ts';
import { binName, cliUsage, commandUsage } from './cli-usage.ts';
import {
  type CommandName,
  commandNames,
  commandSpecs,
  type OptionName,
  optionSpecs,
  optionsOf,
} from './command-specs.ts';
import {
  checkTarget,
  requestOf,
  timeoutOf,
  type Values,
} from './flag-values.ts';
import { packageJson } from './package-version.ts';
import type { TargetOptions } from './target.ts';

export { CliUsageError, type CommandName, cliUsage, commandNames };

export interface CliOptions {
  command: CommandName;
  name?: string;
  request: Record<string, unknown>;
  idempotencyKey?: string;
  wait: boolean;
  follow: boolean;
  json: boolean;
  timeoutSeconds: number;
  target: TargetOptions;
}

/** What a command line asks for: a text to print, or a command to run. */
export type CommandLine =
  | { kind: 'help' | 'version'; text: string }
  | { kind: 'run'; options: CliOptions };

const parseArgsConfig = (
  options: readonly OptionName[],
): ParseArgsOptionsConfig =>
  Object.fromEntries(
    options.map((option) => {
      const spec: {
        type: 'string' | 'boolean';
        multiple?: boolean;
        short?: string;
      } = optionSpecs[option];
      return [
        option,
        {
          type: spec.type,
          ...(spec.multiple === true ? { multiple: true } : {}),
          ...(spec.short === undefined ? {} : { short: spec.short }),
        },
      ];
    }),
  );

const allOptions = Object.keys(optionSpecs) as OptionName[];

const isCommand = (word: string | undefined): word is CommandName =>
  (commandNames as readonly string[]).includes(word ?? '');

/** parseArgs' own message, without its advice about positionals. */
const parseArgsMessage = (error: unknown) =>
  (error as Error).message.replace(/\. To specify a positional.*$/s, '');

/**
 * Reads argv: `--help` (of a command, or the overview), `--version`, or a
 * command with exactly the flags it takes (command-specs.ts). A flag the
 * command does not take, a malformed value, or a request that the
 * workflow's own schema rejects is a CliUsageError: nothing is sent.
 */
export const readCommandLine = (args: string[]): CommandLine => {
  // First pass, lenient: which command, and which flags were given.
  const { tokens = [] } = parseArgs({
    args,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: parseArgsConfig(allOptions),
  });
  const given = tokens.flatMap((token) =>
    token.kind === 'option' ? [token] : [],
  );
  const words = tokens.flatMap((token) =>
    token.kind === 'positional' ? [token.value] : [],
  );
  const [command, ...operands] = words;
  if (given.some((token) => token.name === 'help')) {
    return {
      kind: 'help',
      text: isCommand(command) ? commandUsage(command) : cliUsage,
    };
  }
  if (given.some((token) => token.name === 'version')) {
    return { kind: 'version', text: `${binName} ${packageJson().version}` };
  }
  if (command === undefined) throw new CliUsageError('A command is required');
  if (!isCommand(command)) {
    throw new CliUsageError(
      `Unknown command "${command}": use one of ${commandNames.join(', ')}`,
    );
  }
  const spec = commandSpecs[command];
  const taken = optionsOf(command);
  for (const token of given) {
    if (!(taken as string[]).includes(token.name)) {
      const hint = spec.notTaken?.[token.name as OptionName];
      throw new CliUsageError(
        `${command} does not take ${token.rawName}${hint === undefined ? '' : `: ${hint}`}`,
        command,
      );
    }
  }
  // Second pass, strict: the values of the flags this command takes.
  let values: Values;
  try {
    values = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: parseArgsConfig(taken),
    }).values as Values;
  } catch (error) {
    throw new CliUsageError(parseArgsMessage(error), command);
  }
  const takesName = spec.operand !== undefined;
  if (takesName && operands.length !== 1) {
    throw new CliUsageError(
      `${command} needs exactly one NAME${operands.length > 1 ? ` (got ${operands.join(' ')})` : ''}`,
      command,
    );
  }
  if (!takesName && operands.length > 0) {
    throw new CliUsageError(
      `${command} takes no NAME (got ${operands.join(' ')})`,
      command,
    );
  }
  checkTarget(values, command);
  const timeoutSeconds = timeoutOf(values, command);
  const idempotencyKey = values['idempotency-key'];
  if (
    typeof idempotencyKey === 'string' &&
    !isValidIdempotencyKey(idempotencyKey)
  ) {
    throw new CliUsageError(
      '--idempotency-key must be 1 to 255 printable ASCII characters',
      command,
    );
  }
  const name = takesName ? operands[0] : (values.name as string | undefined);
  const target: TargetOptions = {
    ...(typeof values.endpoint === 'string'
      ? { endpoint: values.endpoint }
      : {}),
    ...(typeof values.stage === 'string' ? { stage: values.stage } : {}),
    ...(typeof values.region === 'string' ? { region: values.region } : {}),
    ...(typeof values['local-dir'] === 'string'
      ? { localDir: values['local-dir'] }
      : {}),
  };
  return {
    kind: 'run',
    options: {
      command,
      ...(name === undefined ? {} : { name }),
      request: requestOf(command, name, values),
      ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
      wait: values['no-wait'] !== true,
      follow: values.follow === true,
      json: values.json === true,
      timeoutSeconds,
      target,
    },
  };
};

/** The command a command line runs; a usage error if it asks for help. */
export const parseCliOptions = (args: string[]): CliOptions => {
  const line = readCommandLine(args);
  if (line.kind !== 'run') {
    throw new CliUsageError(`--${line.kind} runs no command`);
  }
  return line.options;
};
