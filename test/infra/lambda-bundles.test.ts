import { spawn } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningPersonalizeEmulator,
  startPersonalizeEmulator,
} from '#local/personalize/index.ts';
import { lambdaContext } from '../helpers/lambda-context.ts';

const { esbuildOptions } = createRequire(import.meta.url)(
  '../../infra/esbuild.config.cjs',
) as { esbuildOptions: BuildOptions };

const repositoryRoot = join(import.meta.dirname, '../..');
const traceRoot = '1-67890abc-0123456789abcdef01234567';

/** Runs `handler(event)` of a bundle in a fresh Node, as Lambda would. */
const invokeBundle = (
  bundle: string,
  event: unknown,
  environment: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> => {
  const { getRemainingTimeInMillis: _, ...context } = lambdaContext;
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const context = { ...${JSON.stringify(context)}, getRemainingTimeInMillis: () => 30000 };
    try {
      process.stdout.write(JSON.stringify({ result: await handler(${JSON.stringify(event)}, context) }));
    } catch (error) {
      process.stdout.write(JSON.stringify({ error: { name: error.name, message: error.message } }));
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', script],
      { env: environment, timeout: 30_000 },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
};

/** The retrier the create state machine passes its describe task. */
const { pollRetry } = JSON.parse(
  readFileSync(
    join(repositoryRoot, 'statemachines/create-dataset-group.asl.json'),
    'utf8',
  ),
).States.DescribeDatasetGroup.Parameters;

/** The DescribeDatasetGroup task input of a first poll, at once. */
const describeTaskInput = (name: string, datasetGroupArn?: string) => ({
  name,
  datasetGroupArn,
  attempt: 0,
  elapsedSeconds: 0,
  executionStartTime: new Date().toISOString(),
  retryCount: 0,
  pollRetry,
});

interface XRayDocument {
  name: string;
  trace_id: string;
  namespace?: string;
  aws?: { operation?: string };
  http?: { response?: { status?: number } };
}

/**
 * The Lambda bundles as serverless package builds them (the same esbuild
 * options and plugins), run in a fresh Node process with the environment
 * Lambda gives them, X-Ray active: the narrowed imports
 * (infra/esbuild-plugins.cjs) must leave the SDK calls and their traces
 * whole.
 */
describe('the Lambda bundles, traced, against the local Personalize', () => {
  const work = mkdtempSync(join(tmpdir(), 'lambda-bundles-'));
  let emulator: RunningPersonalizeEmulator;
  let daemon: Socket;
  const documents: XRayDocument[] = [];
  const bundles: Record<string, string> = {};

  beforeAll(async () => {
    emulator = await startPersonalizeEmulator({
      lifecycle: { pendingMs: 0, inProgressMs: 0 },
    });
    daemon = createSocket('udp4');
    daemon.on('message', (message) => {
      // `{"format": "json", "version": 1}\n{…document…}`
      const body = message.toString('utf8').split('\n').slice(1).join('\n');
      documents.push(JSON.parse(body) as XRayDocument);
    });
    await new Promise<void>((resolve) =>
      daemon.bind(0, '127.0.0.1', () => resolve()),
    );
    for (const name of ['create-dataset-group', 'describe-dataset-group']) {
      bundles[name] = join(work, `${name}.mjs`);
      await build({
        ...esbuildOptions,
        absWorkingDir: repositoryRoot,
        entryPoints: [join(repositoryRoot, 'functions', `${name}.ts`)],
        outfile: bundles[name],
        logLevel: 'silent',
      });
    }
    writeFileSync(join(work, 'package.json'), '{"type":"module"}\n');
  }, 60_000);

  afterAll(async () => {
    daemon?.close();
    await emulator?.close();
  });

  const lambdaEnvironment = (functionName: string): Record<string, string> => ({
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bundle-test',
    AWS_SECRET_ACCESS_KEY: 'bundle-test',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_PERSONALIZE: emulator.endpoint,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
    LAMBDA_TASK_ROOT: work,
    _X_AMZN_TRACE_ID: `Root=${traceRoot};Parent=53995c3f42cd8ad8;Sampled=1`,
    AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${(daemon.address() as AddressInfo).port}`,
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    POWERTOOLS_SERVICE_NAME: 'personalize-dataset-groups',
    POWERTOOLS_METRICS_NAMESPACE: 'PersonalizeDatasetGroups',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });

  /** The X-Ray documents of `operation`, waiting a bounded while for UDP. */
  const tracesOf = async (operation: string): Promise<XRayDocument[]> => {
    for (let waited = 0; waited < 2_000; waited += 50) {
      const found = documents.filter((d) => d.aws?.operation === operation);
      if (found.length > 0) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return [];
  };

  it('creates the group, and traces the CreateDatasetGroup call', async () => {
    // Act
    const run = await invokeBundle(
      bundles['create-dataset-group'] as string,
      {
        request: {
          name: 'bundled-acme',
          tags: [{ tagKey: 'team', tagValue: 'ml' }],
        },
        executionName: 'bundle-test',
        executionStartTime: new Date().toISOString(),
      },
      lambdaEnvironment('createDatasetGroup'),
    );

    // Assess
    expect(run.stderr).toBe('');
    const { result } = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      correlationId: 'bundle-test',
      alreadyExisted: false,
      progress: { datasetGroup: { name: 'bundled-acme' } },
    });
    expect(emulator.datasetGroups().map((group) => group.name)).toContain(
      'bundled-acme',
    );
    const [trace] = await tracesOf('CreateDatasetGroup');
    expect(trace).toMatchObject({
      name: 'Personalize',
      namespace: 'aws',
      trace_id: traceRoot,
      http: { response: { status: 200 } },
    });
  });

  it('polls the group, and traces the DescribeDatasetGroup call', async () => {
    // Arrange
    const [group] = emulator
      .datasetGroups()
      .filter((candidate) => candidate.name === 'bundled-acme');

    // Act
    const run = await invokeBundle(
      bundles['describe-dataset-group'] as string,
      describeTaskInput('bundled-acme', group?.datasetGroupArn),
      lambdaEnvironment('describeDatasetGroup'),
    );

    // Assess
    expect(run.stderr).toBe('');
    const { result } = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      outcome: 'ACTIVE',
      waitSeconds: 0,
      datasetGroup: { name: 'bundled-acme', status: 'ACTIVE' },
    });
    const [trace] = await tracesOf('DescribeDatasetGroup');
    expect(trace).toMatchObject({
      name: 'Personalize',
      trace_id: traceRoot,
    });
  });

  it('turns a missing group into DatasetGroupNotFoundError', async () => {
    // Act
    const run = await invokeBundle(
      bundles['describe-dataset-group'] as string,
      describeTaskInput(
        'never-created',
        'arn:aws:personalize:us-east-1:000000000000:dataset-group/never-created',
      ),
      lambdaEnvironment('describeDatasetGroup'),
    );

    // Assess
    expect(JSON.parse(run.stdout)).toMatchObject({
      error: { name: 'DatasetGroupNotFoundError' },
    });
  });
});
