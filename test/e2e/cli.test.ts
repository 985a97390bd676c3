import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalServer,
  startLocalServer,
} from '#local/commands/serve/local-server.ts';
import { claimStackDirectory } from '#local/commands/serve/stack-file.ts';

const repositoryRoot = join(import.meta.dirname, '../..');
const version = (
  JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as `npm run cli -- …` does (node cli/main.ts), without
 * blocking this process, which may be serving the stack it talks to.
 * `interruptWhen` sends SIGINT once stdout matches it; every run is killed
 * after 30 s.
 */
const cli = (
  args: string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    interruptWhen?: RegExp;
  } = {},
) =>
  new Promise<Run>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(repositoryRoot, 'cli/main.ts'), ...args],
      {
        cwd: options.cwd ?? repositoryRoot,
        env: options.env ?? process.env,
      },
    );
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (!interrupted && options.interruptWhen?.test(stdout)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(killer);
      resolve({ status, stdout, stderr });
    });
  });

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** A port on 127.0.0.1 that nothing listens on any more. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  const url = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return Number(new URL(url).port);
};

/** One line, no stack trace. */
const expectOneLine = (text: string) => {
  expect(text.trimEnd().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/^\s+at /m);
};

describe('personalize-dataset-groups (the CLI, spawned)', () => {
  it('answers --version with the package.json version and exits 0', async () => {
    // Act
    const run = await cli(['--version']);

    // Assess
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`personalize-dataset-groups ${version}\n`);
  });

  it('exits 2 with one line when --endpoint is not a URL', async () => {
    // Act
    const run = await cli(['status', 'acme', '--endpoint', 'not-a-url']);

    // Assess
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      '--endpoint must be an http:// or https:// URL, got "not-a-url" (see: npm run cli -- status --help)\n',
    );
  });

  it('exits 1 with one line naming the URL and ECONNREFUSED when the endpoint cannot be reached', async () => {
    // Act
    const run = await cli([
      'status',
      'acme',
      '--endpoint',
      'http://127.0.0.1:1',
    ]);

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'Cannot reach http://127.0.0.1:1/dataset-groups/acme: connect ECONNREFUSED 127.0.0.1:1\n',
    );
  });

  it.each([
    [['status', 'acme', '--domain', 'X'], 'status does not take --domain'],
    [['list', '--follow'], 'list does not take --follow'],
    [['events', '--no-wait'], 'events does not take --no-wait'],
  ])(
    'exits 2 naming the flag and the command for %j',
    async (args, message) => {
      // Act
      const run = await cli(args);

      // Assess
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^${message} \\(see: `));
      expectOneLine(run.stderr);
    },
  );

  it('says no local stack is running, and how to start one, when stack.json is missing', async () => {
    // Prepare
    const cwd = mkdtempSync(join(tmpdir(), 'cli-cwd-'));

    // Act
    const run = await cli(['list'], { cwd });

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'No local stack is running: .local/stack.json does not exist. Start one with "npm run local", or pass --endpoint URL or --stage NAME.\n',
    );
  });

  it('says no local stack is running when stack.json names a process that has exited', async () => {
    // Prepare: the file a stack killed with kill -9 leaves behind.
    const dir = mkdtempSync(join(tmpdir(), 'cli-stale-'));
    const { pid } = spawnSync(process.execPath, ['-e', '']);
    writeFileSync(
      join(dir, 'stack.json'),
      JSON.stringify({
        apiUrl: 'http://127.0.0.1:3000',
        state: 'ready',
        pid,
      }),
    );

    // Act
    const run = await cli(['status', 'acme', '--local-dir', dir]);

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `No local stack is running: ${join(dir, 'stack.json')} was left by process ${pid}, which has exited. Start one with "npm run local -- --dir ${dir}", or pass --endpoint URL or --stage NAME.\n`,
    );
  });
});

describe('the CLI when its local stack answers no more', () => {
  it('names the URL and the cause, and how to start the stack, when its process runs but its API does not answer', async () => {
    // Prepare: a stack file whose process (this one) runs, on a dead port.
    const dir = mkdtempSync(join(tmpdir(), 'cli-deaf-'));
    const port = await closedPort();
    writeFileSync(
      join(dir, 'stack.json'),
      JSON.stringify({
        apiUrl: `http://127.0.0.1:${port}`,
        state: 'ready',
        pid: process.pid,
      }),
    );

    // Act
    const run = await cli(['list', '--local-dir', dir]);

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `Cannot reach http://127.0.0.1:${port}/dataset-groups: connect ECONNREFUSED 127.0.0.1:${port}. Is the local stack still running? Start one with "npm run local -- --dir ${dir}".\n`,
    );
  });
});

describe('the CLI against a deployed stage (CloudFormation and the API faked on 127.0.0.1)', () => {
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  let server: Server;
  let url: string;
  let downPort: number;
  let env: NodeJS.ProcessEnv;

  /** DescribeStacks as the query protocol answers it. */
  const describeStacks = (stackName: string, apiUrl: string) =>
    `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member><StackName>${stackName}</StackName><StackStatus>UPDATE_COMPLETE</StackStatus><CreationTime>2026-11-25T10:00:00Z</CreationTime><Outputs><member><OutputKey>HttpApiUrl</OutputKey><OutputValue>${apiUrl}</OutputValue></member></Outputs></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></DescribeStacksResponse>`;

  beforeAll(async () => {
    downPort = await closedPort();
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        seen.push({ url: request.url ?? '', headers: request.headers });
        if (request.method === 'POST' && request.url === '/') {
          const stackName =
            new URLSearchParams(body).get('StackName') ?? 'unknown';
          const apiUrl = stackName.endsWith('-down')
            ? `http://127.0.0.1:${downPort}`
            : url;
          response.writeHead(200, { 'content-type': 'text/xml' });
          response.end(describeStacks(stackName, apiUrl));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ name: 'acme', status: 'ACTIVE' }));
      });
    });
    url = await listen(server);
    env = {
      PATH: process.env.PATH,
      HOME: mkdtempSync(join(tmpdir(), 'cli-home-')),
      AWS_ENDPOINT_URL_CLOUDFORMATION: url,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('reads the API URL from the stack outputs and signs its requests with SigV4', async () => {
    // Act
    const run = await cli(
      ['status', 'acme', '--stage', 'up', '--region', 'eu-west-1', '--json'],
      { env },
    );

    // Assess
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ name: 'acme', status: 'ACTIVE' });
    const apiCall = seen.find((each) => each.url === '/dataset-groups/acme');
    expect(apiCall?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, /,
    );
  });

  it('exits 1 with one line naming the URL and ECONNREFUSED when the stage API cannot be reached', async () => {
    // Act
    const run = await cli(
      ['status', 'acme', '--stage', 'down', '--region', 'eu-west-1'],
      { env },
    );

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `Cannot reach http://127.0.0.1:${downPort}/dataset-groups/acme: connect ECONNREFUSED 127.0.0.1:${downPort}\n`,
    );
  });

  it('exits 1 with one line when CloudFormation cannot be reached', async () => {
    // Act
    const run = await cli(['list', '--stage', 'dev', '--region', 'eu-west-1'], {
      env: {
        ...env,
        AWS_ENDPOINT_URL_CLOUDFORMATION: `http://127.0.0.1:${downPort}`,
        AWS_MAX_ATTEMPTS: '1',
      },
    });

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^Cannot read stack personalize-dataset-groups-dev in eu-west-1: .*ECONNREFUSED/,
    );
    expectOneLine(run.stderr);
  });
});

describe('the CLI against a live local stack', () => {
  let server: LocalServer;
  let dir: string;
  let sfn: SFNClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cli-stack-'));
    const claim = claimStackDirectory(dir);
    server = await startLocalServer({
      ports: {
        api: 0,
        stepFunctions: 0,
        eventBridge: 0,
        personalize: 0,
        console: 0,
      },
      databaseFile: claim.databaseFile,

      emulator: {
        quota: 50,
        lifecycle: { pendingMs: 20, inProgressMs: 60, deleteMs: 20 },
      },
    });
    claim.publish(server.description);
    server.stack.emulator.faults.neverActive({ match: /^stuck/ });
    sfn = new SFNClient({
      endpoint: server.description.stepFunctionsEndpoint as string,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    sfn?.destroy();
    await server?.close();
  });

  it('rejects a bad request with exit 2 and sends nothing', async () => {
    // Prepare
    const before = server.stack.emulator.datasetGroups().length;

    // Act
    const run = await cli([
      'create',
      'acme',
      '--domain',
      'FOO',
      '--kms-key-arn',
      'arn:aws:kms:us-east-1:111122223333:key/x',
      '--local-dir',
      dir,
    ]);

    // Assess
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      [
        'Invalid dataset group request (nothing was sent):',
        '  domain: must be one of ECOMMERCE, VIDEO_ON_DEMAND',
        '  roleArn: is required when kmsKeyArn is given',
        '',
      ].join('\n'),
    );
    expect(server.stack.emulator.datasetGroups()).toHaveLength(before);
  });

  it('says when create adopted an existing group with the same configuration', async () => {
    // Prepare
    const first = await cli(['create', 'twice', '--local-dir', dir]);

    // Act
    const second = await cli(['create', 'twice', '--local-dir', dir]);

    // Assess
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^Dataset group twice is ACTIVE: arn:aws:personalize:us-east-1:000000000000:dataset-group\/twice$/m,
    );
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(
      /^Dataset group twice is ACTIVE \(an existing group with the same configuration was adopted\): arn:aws:personalize:us-east-1:000000000000:dataset-group\/twice$/m,
    );
  });

  it('stops following on Ctrl-C with exit 130, and execution NAME then shows the run', async () => {
    // Act
    const run = await cli(['create', 'stuck-1', '--local-dir', dir], {
      interruptWhen: /workflow RUNNING/,
    });
    const executionName = /execution (api-[\w-]+)/.exec(run.stdout)?.[1];
    const shown = await cli([
      'execution',
      executionName ?? '',
      '--local-dir',
      dir,
      '--json',
    ]);
    await sfn.send(
      new StopExecutionCommand({
        executionArn: (JSON.parse(shown.stdout) as { executionArn: string })
          .executionArn,
      }),
    );

    // Assess
    expect(run.status).toBe(130);
    expect(run.stderr).toBe(
      `Stopped following; the workflow goes on. Look it up with: npm run cli -- execution ${executionName} --local-dir ${dir}\n`,
    );
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      executionName,
      status: 'RUNNING',
      input: { name: 'stuck-1' },
    });
  });

  it('prints the events as one JSON array with --json, and one object a line with --follow --json', async () => {
    // Prepare
    await cli(['create', 'evented', '--local-dir', dir]);

    // Act
    const document = await cli([
      'events',
      '--name',
      'evented',
      '--json',
      '--local-dir',
      dir,
    ]);
    const stream = await cli(
      ['events', '--name', 'evented', '--follow', '--json', '--local-dir', dir],
      { interruptWhen: /Dataset Group Created.*\n/ },
    );

    // Assess
    expect(document.status).toBe(0);
    const events = JSON.parse(document.stdout) as Array<
      Record<string, unknown>
    >;
    expect(events.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Creation Started',
      'Dataset Group Created',
    ]);
    expect(stream.status).toBe(130);
    expect(
      stream.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(events);
  });
});
