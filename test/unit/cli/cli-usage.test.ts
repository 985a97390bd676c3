import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliOptions } from '#cli/cli-options.ts';
import { cliUsage, commandUsage } from '#cli/cli-usage.ts';
import {
  type CommandName,
  commandNames,
  commandSpecs,
  type OptionName,
  optionSpecs,
} from '#cli/command-specs.ts';

/** The flags a help text lists, in its order: `--x` at a line's start. */
const flagsListed = (help: string): string[] =>
  [...help.matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1] ?? '');

/** A command line that gives `option` to `command`, valid otherwise. */
const withOption = (command: CommandName, option: OptionName): string[] => {
  const operand = commandSpecs[command].operand === undefined ? [] : ['acme'];
  const values: Partial<Record<OptionName, string>> = {
    domain: 'ECOMMERCE',
    tag: 'team=ml',
    datasets: 'samples/execution-inputs/with-datasets.json',
    'correlation-id': 'c-1',
    'idempotency-key': 'k-1',
    timeout: '30',
    name: 'acme',
    endpoint: 'http://127.0.0.1:3000',
    stage: 'dev',
    region: 'eu-west-1',
    'local-dir': '.local',
  };
  const value = values[option];
  const extra =
    option === 'kms-key-arn'
      ? ['--role-arn', 'arn:aws:iam::123456789012:role/personalize']
      : option === 'role-arn'
        ? ['--kms-key-arn', 'arn:aws:kms:us-east-1:123456789012:key/k']
        : option === 'region'
          ? ['--stage', 'dev']
          : [];
  const argument =
    option === 'kms-key-arn'
      ? 'arn:aws:kms:us-east-1:123456789012:key/k'
      : option === 'role-arn'
        ? 'arn:aws:iam::123456789012:role/personalize'
        : value;
  return [
    command,
    ...operand,
    `--${option}`,
    ...(argument === undefined ? [] : [argument]),
    ...extra,
  ];
};

describe('command help', () => {
  it.each(commandNames)('lists exactly the flags %s takes', (command) => {
    // Prepare
    const listed = flagsListed(commandUsage(command));
    const all = Object.keys(optionSpecs) as OptionName[];

    // Act
    const accepted = all.filter((option) => {
      try {
        parseCliOptions(withOption(command, option));
        return true;
      } catch (error) {
        if (!(error instanceof CliUsageError)) throw error;
        if (/runs no command/.test(error.message)) return true;
        // Taken, but only with another flag (--delete-schemas with --cascade).
        if (/only allowed together with/.test(error.message)) return true;
        expect(error.message).toContain(`${command} does not take --${option}`);
        return false;
      }
    });

    // Assess
    expect([...listed].sort()).toEqual(
      accepted.map((option) => `--${option}`).sort(),
    );
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('keeps every line of every help within 80 columns', () => {
    // Prepare
    const texts = [cliUsage, ...commandNames.map(commandUsage)];

    // Act
    const long = texts
      .flatMap((text) => text.split('\n'))
      .filter((line) => line.length > 80);

    // Assess
    expect(long).toEqual([]);
  });

  it('names every command and the exit statuses in the overview', () => {
    // Act
    const overview = cliUsage;

    // Assess
    for (const command of commandNames) {
      expect(overview).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
    }
    expect(overview.replace(/\s+/g, ' ')).toMatch(
      /Exit status: 0 success, 1 .*, 2 usage .*, 130 Ctrl-C while following/,
    );
  });
});
