import { describe, expect, it } from 'vitest';
import { CliRequestRejectedError } from '#cli/cli-errors.ts';
import {
  CliUsageError,
  parseCliOptions,
  readCommandLine,
} from '#cli/cli-options.ts';
import { commandNames } from '#cli/command-specs.ts';
import { packageJson } from '#cli/package-version.ts';

describe('parseCliOptions', () => {
  it('builds a create request from the flags', () => {
    // Act
    const options = parseCliOptions([
      'create',
      'acme',
      '--domain',
      'ECOMMERCE',
      '--tag',
      'team=ml',
      '--idempotency-key',
      'k-1',
      '--json',
    ]);

    // Assess
    expect(options).toMatchObject({
      command: 'create',
      name: 'acme',
      request: {
        name: 'acme',
        domain: 'ECOMMERCE',
        tags: [{ tagKey: 'team', tagValue: 'ml' }],
      },
      idempotencyKey: 'k-1',
      wait: true,
      json: true,
      timeoutSeconds: 10_800,
      target: {},
    });
  });

  it('reads --no-wait, --timeout and a stage target', () => {
    // Act
    const options = parseCliOptions([
      'delete',
      'acme',
      '--no-wait',
      '--timeout',
      '30',
      '--stage',
      'prod',
      '--region',
      'eu-west-1',
    ]);

    // Assess
    expect(options).toMatchObject({
      command: 'delete',
      request: { name: 'acme' },
      wait: false,
      timeoutSeconds: 30,
      target: { stage: 'prod', region: 'eu-west-1' },
    });
  });

  it('takes a name filter and a local directory for events', () => {
    // Act
    const options = parseCliOptions([
      'events',
      '--follow',
      '--name',
      'acme',
      '--local-dir',
      '/tmp/stack-b',
    ]);

    // Assess
    expect(options).toMatchObject({
      command: 'events',
      name: 'acme',
      follow: true,
      target: { localDir: '/tmp/stack-b' },
    });
  });

  it('reads the execution command and its name', () => {
    // Act
    const options = parseCliOptions(['execution', 'api-1', '--json']);

    // Assess
    expect(options).toMatchObject({
      command: 'execution',
      name: 'api-1',
      json: true,
    });
  });

  it.each([
    [[], /command is required/],
    [['deploy'], /Unknown command "deploy"/],
    [['create'], /create needs exactly one NAME/],
    [['status', 'a', 'b'], /status needs exactly one NAME \(got a b\)/],
    [['list', 'extra'], /list takes no NAME/],
    [['create', 'a', '--tag', 'novalue'], /--tag must be KEY=VALUE/],
    [['create', 'a', '--tag'], /--tag <value>' argument missing/],
    [['create', 'a', '--timeout', '0'], /--timeout must be a positive/],
    [['create', 'a', '--idempotency-key', 'é'], /--idempotency-key must be/],
    [
      ['status', 'a', '--endpoint', 'http://x', '--stage', 'dev'],
      /--endpoint and --stage exclude each other/,
    ],
    [
      ['status', 'a', '--local-dir', 'd', '--stage', 'dev'],
      /--stage and --local-dir exclude each other/,
    ],
    [['status', 'a', '--endpoint', 'not-a-url'], /--endpoint must be an http/],
    [['status', 'a', '--endpoint', 'ftp://x'], /--endpoint must be an http/],
    [['status', 'a', '--stage', 'dev!'], /--stage must be letters/],
    [['status', 'a', '--region', 'eu-west-1'], /--region goes with --stage/],
    [
      ['status', 'a', '--stage', 'dev', '--region', 'Europe'],
      /--region must be an AWS region/,
    ],
    [['execution', 'a/b'], /execution NAME must be 1 to 80/],
  ])('rejects %j with a usage error', (args, message) => {
    // Act
    const parse = () => parseCliOptions(args);

    // Assess
    expect(parse).toThrow(CliUsageError);
    expect(parse).toThrow(message);
  });

  it.each([
    [['status', 'acme', '--domain', 'X'], 'status does not take --domain'],
    [['list', '--follow'], 'list does not take --follow'],
    [['events', '--no-wait'], 'events does not take --no-wait'],
    [['status', 'a', '--colour'], 'status does not take --colour'],
    [['delete', 'a', '--correlation-id', 'c'], 'delete does not take'],
    [['create', 'a', '--wait'], 'create does not take --wait'],
    [['list', '--no-json'], 'list does not take --no-json'],
    [['status', 'a', '-x'], 'status does not take -x'],
  ])('rejects %j, naming the flag and the command', (args, message) => {
    // Act
    const parse = () => parseCliOptions(args);

    // Assess
    expect(parse).toThrow(CliUsageError);
    expect(parse).toThrow(message);
  });

  it('tells events users where the events of a deployed stage are', () => {
    // Act
    const parse = () => parseCliOptions(['events', '--stage', 'dev']);

    // Assess
    expect(parse).toThrow(
      /events does not take --stage: it reads the local stack's event log only/,
    );
  });

  it.each([
    [
      ['create', 'acme', '--domain', 'FOO'],
      [{ field: 'domain', message: expect.stringMatching(/ECOMMERCE/) }],
    ],
    [
      [
        'create',
        'acme',
        '--kms-key-arn',
        'arn:aws:kms:us-east-1:111122223333:key/x',
      ],
      [{ field: 'roleArn', message: expect.stringMatching(/kmsKeyArn/) }],
    ],
    [
      ['create', 'bad name!'],
      [{ field: 'name', message: expect.stringMatching(/pattern/) }],
    ],
    [
      ['create', 'acme', '--tag', 'aws:team=ml'],
      [{ field: 'tags[0].tagKey', message: expect.stringMatching(/aws:/) }],
    ],
    [
      ['delete', 'bad name!'],
      [{ field: 'name', message: expect.stringMatching(/pattern/) }],
    ],
    [
      ['status', 'x'.repeat(64)],
      [{ field: 'name', message: expect.stringMatching(/1 to 63/) }],
    ],
  ])(
    'rejects %j with the fields and rules of the request schema',
    (args, issues) => {
      // Act
      let rejection: unknown;
      try {
        parseCliOptions(args);
      } catch (error) {
        rejection = error;
      }

      // Assess
      expect(rejection).toBeInstanceOf(CliRequestRejectedError);
      expect((rejection as CliRequestRejectedError).issues).toEqual(issues);
      expect((rejection as Error).message).toMatch(
        /^Invalid dataset group request \(nothing was sent\):\n {2}\w/,
      );
    },
  );
});

describe('readCommandLine', () => {
  it('answers --version with the package.json version', () => {
    // Act
    const line = readCommandLine(['--version']);

    // Assess
    expect(line).toEqual({
      kind: 'version',
      text: `personalize-dataset-groups ${packageJson().version}`,
    });
    expect(packageJson().version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers --help of a command with that command help', () => {
    // Act
    const line = readCommandLine(['status', '--help']);

    // Assess
    expect(line.kind).toBe('help');
    expect(line.kind === 'help' && line.text).toMatch(
      /^Usage: personalize-dataset-groups status NAME \[options\]/,
    );
  });

  it('answers -h without a command with the overview of every command', () => {
    // Act
    const line = readCommandLine(['-h']);

    // Assess
    expect(line.kind).toBe('help');
    for (const command of commandNames) {
      expect(line.kind === 'help' && line.text).toContain(`\n  ${command}`);
    }
  });

  it('answers --help even after a flag the command does not take', () => {
    // Act
    const line = readCommandLine(['list', '--follow', '--help']);

    // Assess
    expect(line.kind).toBe('help');
  });
});
