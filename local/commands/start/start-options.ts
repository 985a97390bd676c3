import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type ScenarioName, scenarioNames } from './scenarios.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface StartOptions {
  request: Record<string, unknown>;
  scenario: ScenarioName;
  verbose: boolean;
  help: boolean;
}

export const startUsage = `Usage: npm start -- [options]

Creates one Amazon Personalize dataset group end to end on the embedded
local stack and prints the timeline and the final event.

Options:
  --name NAME              dataset group name (default demo-dataset-group)
  --domain DOMAIN          ECOMMERCE or VIDEO_ON_DEMAND
  --kms-key-arn ARN        KMS key (needs --role-arn)
  --role-arn ARN           IAM role that can use the key (needs --kms-key-arn)
  --tag KEY=VALUE          a tag; repeat for more
  --correlation-id ID      echoed in every event
  --input FILE             the whole request from a JSON file (e.g. one of
                           samples/execution-inputs/); not with the flags above
  --scenario NAME          ${scenarioNames.join(', ')} (default happy)
  --verbose                print the handlers' structured logs
  --help                   this text

Exit status: 0 when "Dataset Group Created" is published, 1 when the
workflow fails, 2 for a usage error.`;

const parseTag = (raw: string) => {
  const separator = raw.indexOf('=');
  if (separator <= 0) {
    throw new UsageError(`--tag must be KEY=VALUE, got "${raw}"`);
  }
  return {
    tagKey: raw.slice(0, separator),
    tagValue: raw.slice(separator + 1),
  };
};

const readRequestFile = (path: string): Record<string, unknown> => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--input ${path} cannot be read: ${(error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(
      `--input ${path} is not JSON: ${(error as Error).message}`,
    );
  }
};

/** Reads the command line into a request and a scenario; no validation of
 * the request itself: that is the workflow's job, and its answer is shown. */
export const parseStartOptions = (args: string[]): StartOptions => {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        name: { type: 'string' },
        input: { type: 'string' },
        domain: { type: 'string' },
        'kms-key-arn': { type: 'string' },
        'role-arn': { type: 'string' },
        tag: { type: 'string', multiple: true },
        'correlation-id': { type: 'string' },
        scenario: { type: 'string', default: 'happy' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as Record<
    string,
    string | string[] | boolean | undefined
  >;
  const scenario = values.scenario as string;
  if (!(scenarioNames as readonly string[]).includes(scenario)) {
    throw new UsageError(
      `--scenario must be one of ${scenarioNames.join(', ')}, got "${scenario}"`,
    );
  }
  if (typeof values.input === 'string') {
    const requestFlags = [
      'name',
      'domain',
      'kms-key-arn',
      'role-arn',
      'tag',
      'correlation-id',
    ].filter((flag) => values[flag] !== undefined);
    if (requestFlags.length > 0) {
      throw new UsageError(
        `--input cannot be combined with --${requestFlags.join(', --')}`,
      );
    }
    return {
      request: readRequestFile(values.input),
      scenario: scenario as ScenarioName,
      verbose: values.verbose === true,
      help: values.help === true,
    };
  }
  const tags = ((values.tag as string[] | undefined) ?? []).map(parseTag);
  const optional = {
    domain: values.domain,
    kmsKeyArn: values['kms-key-arn'],
    roleArn: values['role-arn'],
    correlationId: values['correlation-id'],
  };
  return {
    request: {
      name: values.name ?? 'demo-dataset-group',
      ...Object.fromEntries(
        Object.entries(optional).filter(([, value]) => value !== undefined),
      ),
      ...(tags.length > 0 ? { tags } : {}),
    },
    scenario: scenario as ScenarioName,
    verbose: values.verbose === true,
    help: values.help === true,
  };
};
