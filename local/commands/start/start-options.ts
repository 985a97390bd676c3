import { readFileSync } from 'node:fs';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { validateDatasetGroupRequest } from '#commons/dataset-group/validate-request.ts';
import {
  type FieldIssue,
  InvalidDatasetGroupRequestError,
} from '#commons/errors.ts';
import { type ScenarioName, scenarioNames } from './scenarios.ts';

/** The command line is wrong: exit 2, nothing started. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The request (from the flags or --input) broke a rule of the workflow's
 * request schema: exit 2, before the local stack starts.
 */
export class RequestRejectedError extends UsageError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(
      [
        'Invalid dataset group request (nothing was started):',
        ...issues.map((issue) => `  ${issue.field}: ${issue.message}`),
      ].join('\n'),
    );
    this.name = 'RequestRejectedError';
    this.issues = issues;
  }
}

export interface StartOptions {
  request: Record<string, unknown>;
  scenario: ScenarioName;
  verbose: boolean;
  help: boolean;
  version: boolean;
}

export const startUsage = `Usage: npm start -- [options]

Creates one Amazon Personalize dataset group end to end on the embedded
local stack and prints the timeline and the final event. The request is
checked against the workflow's request schema first: a rejected one
starts nothing.

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
  --help, -h               this text
  --version                the version of this project

Exit status: 0 when "Dataset Group Created" is published, 1 when the
workflow fails, 2 for a usage error or a request the schema rejects.`;

const requestFlags = [
  'name',
  'domain',
  'kms-key-arn',
  'role-arn',
  'tag',
  'correlation-id',
] as const;

const optionsConfig = {
  name: { type: 'string' },
  input: { type: 'string' },
  domain: { type: 'string' },
  'kms-key-arn': { type: 'string' },
  'role-arn': { type: 'string' },
  tag: { type: 'string', multiple: true },
  'correlation-id': { type: 'string' },
  scenario: { type: 'string', default: 'happy' },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const satisfies ParseArgsOptionsConfig;

/** Every flag npm start takes, as its help lists them. */
export const startFlags = Object.keys(optionsConfig).map((name) => `--${name}`);

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

const readRequestFile = (path: string): unknown => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--input ${path} cannot be read: ${(error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--input ${path} is not JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`,
    );
  }
};

/** Flags npm start does not take, and positionals, named in the error. */
const rejectUnknown = (args: string[]) => {
  const { tokens = [] } = parseArgs({
    args,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: optionsConfig,
  });
  for (const token of tokens) {
    if (token.kind === 'option' && !Object.hasOwn(optionsConfig, token.name)) {
      throw new UsageError(`npm start does not take ${token.rawName}`);
    }
    if (token.kind === 'positional') {
      throw new UsageError(
        `npm start takes no positional argument (got "${token.value}"); flags go after "npm start --"`,
      );
    }
  }
};

/** `request` as the workflow's own schema has it, or a RequestRejectedError. */
const validated = (request: unknown): Record<string, unknown> => {
  try {
    validateDatasetGroupRequest(request);
  } catch (error) {
    if (error instanceof InvalidDatasetGroupRequestError) {
      throw new RequestRejectedError(error.issues);
    }
    throw error;
  }
  return request as Record<string, unknown>;
};

/**
 * Reads the command line into a request and a scenario. The request, from
 * the flags or from --input, is validated with the workflow's own schema
 * (validateDatasetGroupRequest), so a bad one is rejected before anything
 * starts, naming each field and rule.
 */
export const parseStartOptions = (args: string[]): StartOptions => {
  rejectUnknown(args);
  let values: {
    [key in keyof typeof optionsConfig]?: string | string[] | boolean;
  };
  try {
    values = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: optionsConfig,
    }).values;
  } catch (error) {
    throw new UsageError(
      (error as Error).message.replace(/\. To specify a positional.*$/s, ''),
    );
  }
  const flags = {
    verbose: values.verbose === true,
    help: values.help === true,
    version: values.version === true,
  };
  if (flags.help || flags.version) {
    return { request: {}, scenario: 'happy', ...flags };
  }
  const scenario = values.scenario as string;
  if (!(scenarioNames as readonly string[]).includes(scenario)) {
    throw new UsageError(
      `--scenario must be one of ${scenarioNames.join(', ')}, got "${scenario}"`,
    );
  }
  if (typeof values.input === 'string') {
    const given = requestFlags.filter((flag) => values[flag] !== undefined);
    if (given.length > 0) {
      throw new UsageError(
        `--input cannot be combined with --${given.join(', --')}`,
      );
    }
    return {
      request: validated(readRequestFile(values.input)),
      scenario: scenario as ScenarioName,
      ...flags,
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
    request: validated({
      name: values.name ?? 'demo-dataset-group',
      ...Object.fromEntries(
        Object.entries(optional).filter(([, value]) => value !== undefined),
      ),
      ...(tags.length > 0 ? { tags } : {}),
    }),
    scenario: scenario as ScenarioName,
    ...flags,
  };
};
