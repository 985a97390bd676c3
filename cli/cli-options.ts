import { parseArgs } from 'node:util';

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export const commandNames = [
  'create',
  'delete',
  'status',
  'list',
  'events',
] as const;
export type CommandName = (typeof commandNames)[number];

export interface CliOptions {
  command: CommandName;
  name?: string;
  request: Record<string, unknown>;
  idempotencyKey?: string;
  wait: boolean;
  follow: boolean;
  json: boolean;
  timeoutSeconds: number;
  target: {
    endpoint?: string;
    stage?: string;
    region?: string;
  };
}

export const cliUsage = `Usage: personalize-dataset-groups <command> [options]
       (or: npm run cli -- <command> [options])

Commands:
  create NAME     start the create workflow and follow it to its end
  delete NAME     start the delete workflow and follow it to its end
  status NAME     the dataset group as Personalize describes it
  list            every dataset group
  events          the lifecycle events published so far (local stack)

Options for create:
  --domain DOMAIN, --kms-key-arn ARN, --role-arn ARN, --tag KEY=VALUE
  (repeatable), --correlation-id ID, --idempotency-key KEY
Options for create and delete:
  --no-wait            return once the workflow has started
  --timeout SECONDS    stop following after this long (default 10800)
Options for events:
  --follow             keep printing events as they are published (Ctrl-C)
  --name NAME          only the events of this dataset group

Target (default: the stack "npm run local" is serving):
  --endpoint URL       an HTTP API base URL (unsigned requests)
  --stage NAME         a deployed stage; URL from the CloudFormation stack
                       outputs, requests signed with SigV4 (AWS credentials)
  --region REGION      the stage's region (default AWS_REGION)

Output:
  --json               one JSON document on stdout, for scripts

Exit status: 0 success, 1 the workflow or the request failed, 2 usage.`;

const parseTag = (raw: string) => {
  const separator = raw.indexOf('=');
  if (separator <= 0) {
    throw new CliUsageError(`--tag must be KEY=VALUE, got "${raw}"`);
  }
  return {
    tagKey: raw.slice(0, separator),
    tagValue: raw.slice(separator + 1),
  };
};

/** Reads argv into a command; the request itself is the API's to judge. */
export const parseCliOptions = (args: string[]): CliOptions => {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      allowNegative: true,
      options: {
        domain: { type: 'string' },
        'kms-key-arn': { type: 'string' },
        'role-arn': { type: 'string' },
        tag: { type: 'string', multiple: true },
        'correlation-id': { type: 'string' },
        'idempotency-key': { type: 'string' },
        wait: { type: 'boolean', default: true },
        timeout: { type: 'string', default: '10800' },
        follow: { type: 'boolean', default: false },
        name: { type: 'string' },
        endpoint: { type: 'string' },
        stage: { type: 'string' },
        region: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const values = parsed.values as Record<
    string,
    string | string[] | boolean | undefined
  >;
  const [command, ...rest] = parsed.positionals;
  if (command === undefined) throw new CliUsageError('A command is required');
  if (!(commandNames as readonly string[]).includes(command)) {
    throw new CliUsageError(
      `Unknown command "${command}": use one of ${commandNames.join(', ')}`,
    );
  }
  const takesName = ['create', 'delete', 'status'].includes(command);
  if (takesName && rest.length !== 1) {
    throw new CliUsageError(`${command} needs exactly one NAME`);
  }
  if (!takesName && rest.length > 0) {
    throw new CliUsageError(`${command} takes no NAME (got ${rest.join(' ')})`);
  }
  if (values.endpoint !== undefined && values.stage !== undefined) {
    throw new CliUsageError('--endpoint and --stage exclude each other');
  }
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new CliUsageError(
      `--timeout must be a positive number of seconds, got "${values.timeout}"`,
    );
  }
  const name = takesName ? rest[0] : (values.name as string | undefined);
  const optional = {
    domain: values.domain,
    kmsKeyArn: values['kms-key-arn'],
    roleArn: values['role-arn'],
    correlationId: values['correlation-id'],
  };
  const tags = ((values.tag as string[] | undefined) ?? []).map(parseTag);
  const target = {
    endpoint: values.endpoint,
    stage: values.stage,
    region: values.region,
  };
  return {
    command: command as CommandName,
    ...(name === undefined ? {} : { name }),
    request:
      command === 'create'
        ? {
            name,
            ...Object.fromEntries(
              Object.entries(optional).filter(
                ([, value]) => value !== undefined,
              ),
            ),
            ...(tags.length > 0 ? { tags } : {}),
          }
        : command === 'delete'
          ? {
              name,
              ...(optional.correlationId === undefined
                ? {}
                : { correlationId: optional.correlationId }),
            }
          : {},
    ...(typeof values['idempotency-key'] === 'string'
      ? { idempotencyKey: values['idempotency-key'] }
      : {}),
    wait: values.wait !== false,
    follow: values.follow === true,
    json: values.json === true,
    timeoutSeconds,
    target: Object.fromEntries(
      Object.entries(target).filter(([, value]) => value !== undefined),
    ) as CliOptions['target'],
  };
};
