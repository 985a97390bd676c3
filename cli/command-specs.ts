/**
 * Every command of the CLI and every flag each one takes: the parser
 * accepts exactly these and the help texts are drawn from them, so the
 * two cannot drift apart.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** The value's placeholder in the help, e.g. `URL`. */
  value?: string;
  help: string;
}

export const optionSpecs = {
  domain: {
    type: 'string',
    value: 'DOMAIN',
    help: 'ECOMMERCE or VIDEO_ON_DEMAND',
  },
  'kms-key-arn': {
    type: 'string',
    value: 'ARN',
    help: 'KMS key that encrypts the group (needs --role-arn)',
  },
  'role-arn': {
    type: 'string',
    value: 'ARN',
    help: 'IAM role Personalize assumes to use the key (needs --kms-key-arn)',
  },
  tag: {
    type: 'string',
    multiple: true,
    value: 'KEY=VALUE',
    help: 'a tag; repeat the flag for more',
  },
  datasets: {
    type: 'string',
    value: 'FILE',
    help: 'a JSON file with the datasets list of the request (schemas, names, tags, imports): see samples/execution-inputs/with-datasets.json',
  },
  'correlation-id': {
    type: 'string',
    value: 'ID',
    help: 'echoed in every event (default: the execution name)',
  },
  'idempotency-key': {
    type: 'string',
    value: 'KEY',
    help: 'the same key and request start one workflow, however often sent',
  },
  cascade: {
    type: 'boolean',
    help: 'delete everything the group holds first (campaigns, recommenders, solutions, event trackers, filters, metric attributions, datasets), in the order Personalize requires',
  },
  'delete-schemas': {
    type: 'boolean',
    help: 'with --cascade: also delete the schemas its datasets used, where no other dataset uses them',
  },
  'no-wait': {
    type: 'boolean',
    help: 'print the started execution and return, without following it',
  },
  timeout: {
    type: 'string',
    value: 'SECONDS',
    help: 'stop following after this long (default 10800); the workflow goes on',
  },
  follow: {
    type: 'boolean',
    help: 'keep printing events as they are published, until Ctrl-C',
  },
  name: {
    type: 'string',
    value: 'NAME',
    help: 'only the events of this dataset group',
  },
  json: { type: 'boolean', help: 'one JSON document on stdout, for scripts' },
  endpoint: {
    type: 'string',
    value: 'URL',
    help: 'an HTTP API base URL (unsigned requests)',
  },
  stage: {
    type: 'string',
    value: 'NAME',
    help: 'a deployed stage: its API URL from the CloudFormation stack outputs, requests signed with SigV4 (your AWS credentials)',
  },
  region: {
    type: 'string',
    value: 'REGION',
    help: "the stage's region (default AWS_REGION, then AWS_DEFAULT_REGION)",
  },
  'local-dir': {
    type: 'string',
    value: 'DIR',
    help: 'the directory whose stack.json names the local stack (default .local)',
  },
  help: { type: 'boolean', short: 'h', help: 'this text' },
  version: { type: 'boolean', help: 'the version of this command' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof optionSpecs;

/** How a command picks its stack; `events` reads the local stack only. */
export const targetOptions = [
  'endpoint',
  'stage',
  'region',
  'local-dir',
] as const satisfies OptionName[];

/** Taken by every command. */
export const commonOptions = [
  'help',
  'version',
] as const satisfies OptionName[];

export const commandNames = [
  'create',
  'delete',
  'status',
  'list',
  'execution',
  'events',
] as const;
export type CommandName = (typeof commandNames)[number];

export interface CommandSpec {
  /** `NAME` when the command takes one operand, undefined when none. */
  operand?: 'NAME';
  /** One line in the list of commands. */
  summary: string;
  /** The paragraph of its own help. */
  description: string;
  /** Its own flags, in the order of its help (target flags come after). */
  options: readonly OptionName[];
  /** Whether it takes the target flags (--endpoint, --stage, ...). */
  targeted: boolean;
  /** Help texts that differ from optionSpecs for this command. */
  optionHelp?: Partial<Record<OptionName, string>>;
  /** What to add when given a flag it does not take. */
  notTaken?: Partial<Record<OptionName, string>>;
  exitStatus: string;
}

const usageAndUnreachable =
  '1 the API refused the request or could not be reached, 2 usage';

export const commandSpecs: Record<CommandName, CommandSpec> = {
  create: {
    operand: 'NAME',
    summary: 'start the create workflow and follow it to its end',
    description:
      "Starts the create workflow for the dataset group NAME (POST /dataset-groups) and follows it until it ends. The request is checked against the workflow's request schema first; a rejected one is not sent. Ctrl-C stops following; the workflow goes on.",
    options: [
      'domain',
      'kms-key-arn',
      'role-arn',
      'tag',
      'datasets',
      'correlation-id',
      'idempotency-key',
      'no-wait',
      'timeout',
      'json',
    ],
    targeted: true,
    optionHelp: {
      json: 'one JSON document on stdout at the end: the started execution and its outcome',
    },
    exitStatus:
      '0 the group is ACTIVE (with --no-wait: the workflow started), 1 the workflow failed, --timeout passed, or the API refused the request or could not be reached, 2 usage or a request the schema rejects, 130 Ctrl-C while following',
  },
  delete: {
    operand: 'NAME',
    summary: 'start the delete workflow and follow it to its end',
    description:
      'Starts the delete workflow for the dataset group NAME (DELETE /dataset-groups/NAME, with ?cascade=true for --cascade) and follows it until the group is gone. Without --cascade, a group that holds anything is not deleted and the error names what it holds. Ctrl-C stops following; the workflow goes on.',
    options: ['cascade', 'delete-schemas', 'no-wait', 'timeout', 'json'],
    targeted: true,
    optionHelp: {
      json: 'one JSON document on stdout at the end: the started execution and its outcome',
    },
    exitStatus:
      '0 the group is deleted (with --no-wait: the workflow started), 1 the workflow failed, --timeout passed, or the API refused the request or could not be reached, 2 usage or a name the schema rejects, 130 Ctrl-C while following',
  },
  status: {
    operand: 'NAME',
    summary: 'the dataset group and its datasets',
    description:
      'Shows the dataset group NAME as Personalize describes it, and each of its datasets with its type, status and ARN (GET /dataset-groups/NAME).',
    options: ['json'],
    targeted: true,
    optionHelp: { json: 'the dataset group as one JSON document' },
    exitStatus: `0 shown, ${usageAndUnreachable} or a name the schema rejects`,
  },
  list: {
    summary: 'every dataset group',
    description: 'Lists every dataset group (GET /dataset-groups).',
    options: ['json'],
    targeted: true,
    optionHelp: { json: 'the dataset groups as one JSON array' },
    exitStatus: `0 listed, ${usageAndUnreachable}`,
  },
  execution: {
    operand: 'NAME',
    summary: 'one create or delete execution, by name',
    description:
      'Shows the create or delete execution NAME (GET /executions/NAME): its status, start and stop, input, and its output or its error and cause. The name is the one create and delete print.',
    options: ['json'],
    targeted: true,
    optionHelp: {
      json: 'the execution as the API answers it, one JSON document',
    },
    exitStatus: `0 shown (whatever the execution's status), ${usageAndUnreachable} or a malformed name`,
  },
  events: {
    summary: 'the lifecycle events published so far (local stack)',
    description:
      'Prints the lifecycle events the local stack has published, from its event log. A deployed stage keeps no such log: add a rule on its bus that targets a log group or a queue you can read.',
    options: ['follow', 'name', 'json', 'local-dir'],
    targeted: false,
    optionHelp: {
      json: 'one JSON array of the events; with --follow, one JSON object per line, as they come',
    },
    notTaken: Object.fromEntries(
      (['endpoint', 'stage', 'region'] as const).map((flag) => [
        flag,
        "it reads the local stack's event log only; for a deployed stage, add a rule on the bus that targets a log group or queue you can read",
      ]),
    ),
    exitStatus:
      '0 printed, 1 no local stack is running, 2 usage, 130 Ctrl-C while following',
  },
};

/** Every flag `command` takes, in the order of its help. */
export const optionsOf = (command: CommandName): OptionName[] => {
  const spec = commandSpecs[command];
  return [
    ...spec.options,
    ...(spec.targeted ? targetOptions : []),
    ...commonOptions,
  ];
};

/** The command-line form of an option, e.g. `--timeout SECONDS`. */
export const flagOf = (option: OptionName): string => {
  const spec: OptionSpec = optionSpecs[option];
  return `--${option}${spec.value === undefined ? '' : ` ${spec.value}`}`;
};
