import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalServer,
  startLocalServer,
} from '#local/commands/serve/local-server.ts';
import { oneSpaced, readmeAwsExamples, readReadme } from './readme-examples.ts';

/**
 * The README's `aws … stepfunctions` examples, run as written by a real
 * AWS CLI (`aws` on PATH, or the one AWS_CLI names) against the stack
 * `npm run local` serves, booted in-process on ephemeral ports: only the
 * endpoint's port is put in place of 8083. The child gets none of this
 * process's AWS_* variables and no AWS config files, so the README's
 * export line has to be enough. Each output is checked against what the
 * service returns (the members of its answers as recorded on AWS) and
 * against the endpoint's own answer in-process.
 */
const execFileAsync = promisify(execFile);
const readmeEndpoint = 'http://127.0.0.1:8083';
const examples = readmeAwsExamples(
  readReadme(),
  'The whole stack on 127.0.0.1',
);

type Json = Record<string, unknown>;

/** A timestamp as the CLI prints it: epoch seconds (v1) or ISO 8601 (v2). */
const epochMs = (printed: unknown): number =>
  typeof printed === 'number'
    ? Math.round(printed * 1000)
    : new Date(String(printed)).getTime();

/** A document with its timestamps made epoch milliseconds. */
const withEpochMs = (document: object, dateFields: readonly string[]): Json =>
  Object.fromEntries(
    Object.entries(document).map(([key, value]) => [
      key,
      dateFields.includes(key)
        ? value instanceof Date
          ? value.getTime()
          : epochMs(value)
        : value,
    ]),
  );

const operationOf = (command: string): string =>
  /\bstepfunctions\s+([a-z-]+)/.exec(command)?.[1] ?? '(no operation)';

const optionOf = (command: string, option: string): string =>
  new RegExp(`--${option}\\s+(\\S+)`).exec(command)?.[1] ?? '';

describe('README AWS CLI examples on the local stack', () => {
  let server: LocalServer;
  let binDirectory: string;
  const env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    server = await startLocalServer({
      ports: {
        api: 0,
        stepFunctions: 0,
        eventBridge: 0,
        personalize: 0,
        console: 0,
      },
      emulator: { quota: 50 },
    });
    binDirectory = mkdtempSync(join(tmpdir(), 'aws-cli-examples-'));
    const chosen = process.env.AWS_CLI;
    if (chosen !== undefined) symlinkSync(chosen, join(binDirectory, 'aws'));
    for (const [name, value] of Object.entries(process.env)) {
      if (!name.startsWith('AWS_')) env[name] = value;
    }
    Object.assign(env, {
      PATH: [binDirectory, process.env.PATH].join(delimiter),
      AWS_CONFIG_FILE: join(binDirectory, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(binDirectory, 'no-credentials'),
      AWS_PAGER: '',
    });
  });

  afterAll(async () => {
    await server?.close();
    if (binDirectory !== undefined) {
      rmSync(binDirectory, { recursive: true, force: true });
    }
  });

  /** Runs one README command in bash after the README's export lines. */
  const run = async (command: string): Promise<string> => {
    const script = [
      ...examples.exports,
      command.replaceAll(readmeEndpoint, server.stepFunctions.endpoint),
    ].join('\n');
    try {
      const { stdout } = await execFileAsync('bash', ['-c', script], {
        env,
        timeout: 20_000,
      });
      return stdout;
    } catch (error) {
      const { stderr, code } = error as { stderr?: string; code?: unknown };
      const hint =
        code === 127
          ? ' (install the AWS CLI, e.g. apt-get install awscli, or set AWS_CLI to its path)'
          : '';
      throw new Error(
        `\`${command}\` exited with ${String(code)}${hint}: ${stderr ?? ''}`.trim(),
        { cause: error },
      );
    }
  };

  /** How each operation's output must look, and what it must hold. */
  const checks: Record<string, (stdout: string, command: string) => unknown> = {
    'list-state-machines': (stdout) => {
      const printed = JSON.parse(stdout) as { stateMachines: Json[] };
      expect(Object.keys(printed)).toEqual(['stateMachines']);
      expect(
        printed.stateMachines.map((item) =>
          withEpochMs(item, ['creationDate']),
        ),
      ).toEqual(
        server.stepFunctions.stateMachines
          .list()
          .stateMachines.map((item) => withEpochMs(item, ['creationDate'])),
      );
    },
    'describe-state-machine': (stdout, command) => {
      const printed = JSON.parse(stdout) as Json;
      const answer = withEpochMs(
        server.stepFunctions.stateMachines.describe(
          optionOf(command, 'state-machine-arn'),
        ),
        ['creationDate'],
      );
      // The members DescribeStateMachine returns for a STANDARD state
      // machine, as recorded on AWS; a CLI whose model predates
      // encryptionConfiguration (2.9 does) leaves that one out.
      expect(Object.keys(printed)).toEqual(
        expect.arrayContaining([
          'stateMachineArn',
          'name',
          'status',
          'definition',
          'roleArn',
          'type',
          'creationDate',
          'loggingConfiguration',
          'tracingConfiguration',
        ]),
      );
      expect(withEpochMs(printed, ['creationDate'])).toEqual(
        Object.fromEntries(
          Object.entries(answer).filter(([key]) => key in printed),
        ),
      );
    },
    'start-execution': async (stdout, command) => {
      const printed = JSON.parse(stdout) as Json;
      expect(Object.keys(printed)).toEqual(['executionArn', 'startDate']);
      expect(printed.executionArn).toBe(
        `${optionOf(command, 'state-machine-arn').replace(':stateMachine:', ':execution:')}:${optionOf(command, 'name')}`,
      );
      expect(epochMs(printed.startDate)).toBeGreaterThan(0);
      // A reader looks at the answer before typing the next command;
      // the execution takes about a second.
      await server.stepFunctions.registry.settled(String(printed.executionArn));
    },
    'describe-execution': (stdout, command) => {
      const printed = JSON.parse(stdout) as Json;
      const dates = ['startDate', 'stopDate'];
      expect(withEpochMs(printed, dates)).toEqual(
        withEpochMs(
          server.stepFunctions.registry.describeExecution(
            optionOf(command, 'execution-arn'),
          ),
          dates,
        ),
      );
      expect(printed).toMatchObject({
        status: 'SUCCEEDED',
        inputDetails: { included: true },
        outputDetails: { included: true },
      });
    },
    'get-execution-history': (stdout, command) => {
      const { events } = server.stepFunctions.registry.getExecutionHistory({
        executionArn: optionOf(command, 'execution-arn'),
      });
      const lines = stdout.split('\n').map(oneSpaced).filter(Boolean);
      expect(lines).toEqual(
        events.map(
          (event) => `${event.id} ${event.previousEventId} ${event.type}`,
        ),
      );
      // The README shows this output: it must be what the CLI prints.
      expect(lines).toEqual(examples.output);
    },
  };

  it('finds the examples of every operation it checks, with their credentials', () => {
    // Assess
    expect(examples.exports).toEqual([
      expect.stringMatching(
        /^export AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=\S+ AWS_SECRET_ACCESS_KEY=\S+$/,
      ),
    ]);
    expect(examples.commands.map(operationOf)).toEqual(Object.keys(checks));
    for (const command of examples.commands) {
      expect(command).toContain(`--endpoint-url ${readmeEndpoint} `);
    }
  });

  for (const command of examples.commands) {
    const operation = operationOf(command);
    it(`answers ${operation} as the service does when run as written`, async () => {
      // Prepare
      const check = checks[operation];
      if (check === undefined) throw new Error(`No check for ${operation}`);

      // Act
      const stdout = await run(command);

      // Assess
      await check(stdout, command);
    });
  }
});
