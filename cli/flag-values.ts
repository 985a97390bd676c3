import { readFileSync } from 'node:fs';
import {
  validateDatasetGroupRequest,
  validateDeleteRequest,
} from '#commons/dataset-group/validate-request.ts';
import { InvalidDatasetGroupRequestError } from '#commons/errors.ts';
import { isValidExecutionName } from '#commons/executions/execution-names.ts';
import { CliRequestRejectedError, CliUsageError } from './cli-errors.ts';
import type { CommandName, OptionName } from './command-specs.ts';

/*
 * The values of a command's flags, checked before anything is sent: the
 * target flags, --timeout, and the request, by the workflow's own schemas.
 */

export type Values = Partial<Record<OptionName, string | string[] | boolean>>;

const defaultTimeoutSeconds = 10_800;

const parseTag = (raw: string, command: string) => {
  const separator = raw.indexOf('=');
  if (separator <= 0) {
    throw new CliUsageError(`--tag must be KEY=VALUE, got "${raw}"`, command);
  }
  return {
    tagKey: raw.slice(0, separator),
    tagValue: raw.slice(separator + 1),
  };
};

/** The target flags: one target, a URL, a stage and region that can be. */
export const checkTarget = (values: Values, command: CommandName) => {
  const given = (['endpoint', 'stage', 'local-dir'] as const).filter(
    (option) => values[option] !== undefined,
  );
  if (given.length > 1) {
    throw new CliUsageError(
      `--${given.join(' and --')} exclude each other: name one target`,
      command,
    );
  }
  const endpoint = values.endpoint;
  if (typeof endpoint === 'string') {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (url === undefined || !['http:', 'https:'].includes(url.protocol)) {
      throw new CliUsageError(
        `--endpoint must be an http:// or https:// URL, got "${endpoint}"`,
        command,
      );
    }
  }
  if (
    typeof values.stage === 'string' &&
    !/^[A-Za-z0-9-]+$/.test(values.stage)
  ) {
    throw new CliUsageError(
      `--stage must be letters, digits and "-", got "${values.stage}"`,
      command,
    );
  }
  if (values.region !== undefined && values.stage === undefined) {
    throw new CliUsageError('--region goes with --stage', command);
  }
  if (
    typeof values.region === 'string' &&
    !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(values.region)
  ) {
    throw new CliUsageError(
      `--region must be an AWS region such as eu-west-1, got "${values.region}"`,
      command,
    );
  }
  if (values['local-dir'] === '') {
    throw new CliUsageError('--local-dir must not be empty', command);
  }
};

const rejectInvalid = (validate: () => unknown, command: CommandName) => {
  try {
    validate();
  } catch (error) {
    if (error instanceof InvalidDatasetGroupRequestError) {
      throw new CliRequestRejectedError(error.issues, command);
    }
    throw error;
  }
};

/**
 * The `datasets` of a create request, from a JSON file holding either the
 * list itself or a whole request with a `datasets` field (a sample input).
 */
const datasetsFromFile = (path: string, command: CommandName): unknown => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(
      `--datasets ${path} cannot be read: ${(error as Error).message}`,
      command,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(
      `--datasets ${path} is not JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`,
      command,
    );
  }
  if (Array.isArray(parsed)) return parsed;
  const inner = (parsed as { datasets?: unknown } | null)?.datasets;
  if (Array.isArray(inner)) return inner;
  throw new CliUsageError(
    `--datasets ${path} must hold a JSON array of datasets, or an object with a "datasets" array`,
    command,
  );
};

/** The request the command sends, if its schema accepts it. */
export const requestOf = (
  command: CommandName,
  name: string | undefined,
  values: Values,
): Record<string, unknown> => {
  if (command === 'create') {
    const tags = ((values.tag as string[] | undefined) ?? []).map((tag) =>
      parseTag(tag, command),
    );
    const optional = {
      domain: values.domain,
      kmsKeyArn: values['kms-key-arn'],
      roleArn: values['role-arn'],
      correlationId: values['correlation-id'],
    };
    const datasets =
      typeof values.datasets === 'string'
        ? datasetsFromFile(values.datasets, command)
        : undefined;
    const request = {
      name,
      ...(datasets === undefined ? {} : { datasets }),
      ...Object.fromEntries(
        Object.entries(optional).filter(([, value]) => value !== undefined),
      ),
      ...(tags.length > 0 ? { tags } : {}),
    };
    rejectInvalid(() => validateDatasetGroupRequest(request), command);
    return request;
  }
  if (command === 'delete') {
    if (values['delete-schemas'] === true && values.cascade !== true) {
      throw new CliUsageError(
        '--delete-schemas is only allowed together with --cascade',
        command,
      );
    }
    const request = {
      name,
      ...(values.cascade === true && { cascade: true }),
      ...(values['delete-schemas'] === true && { deleteSchemas: true }),
    };
    rejectInvalid(() => validateDeleteRequest(request), command);
    return request;
  }
  if (command === 'status') {
    rejectInvalid(() => validateDeleteRequest({ name }), command);
    return {};
  }
  if (command === 'execution' && !isValidExecutionName(name ?? '')) {
    throw new CliUsageError(
      `execution NAME must be 1 to 80 letters, digits, "-" or "_", got "${name}"`,
      command,
    );
  }
  return {};
};

/** --timeout in seconds, positive. */
export const timeoutOf = (values: Values, command: CommandName): number => {
  if (values.timeout === undefined) return defaultTimeoutSeconds;
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new CliUsageError(
      `--timeout must be a positive number of seconds, got "${values.timeout}"`,
      command,
    );
  }
  return timeoutSeconds;
};
