import { readFile } from 'node:fs/promises';
import {
  CloudFormationClient,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import type { Send } from './api-client.ts';
import { sigV4Send } from './sigv4-send.ts';

/** What `npm run local` writes so the CLI can find the running stack. */
export interface LocalStackFile {
  apiUrl: string;
  eventLogFile: string;
  [endpoint: string]: unknown;
}

export const localStackFile = '.local/stack.json';

/** The CLI cannot reach a stack; the message says how to fix it. */
export class TargetNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetNotFoundError';
  }
}

export interface Target {
  kind: 'local' | 'endpoint' | 'stage';
  apiUrl: string;
  send: Send;
  /** The JSON-lines event log, for a local stack. */
  eventLogFile?: string;
  pollIntervalMs: number;
}

export interface TargetOptions {
  endpoint?: string | undefined;
  stage?: string | undefined;
  region?: string | undefined;
  service?: string | undefined;
}

const readLocalStackFile = async (): Promise<LocalStackFile> => {
  let text: string;
  try {
    text = await readFile(localStackFile, 'utf8');
  } catch {
    throw new TargetNotFoundError(
      `No local stack found (${localStackFile} is missing): start one with "npm run local", or pass --endpoint URL or --stage NAME`,
    );
  }
  return JSON.parse(text) as LocalStackFile;
};

/** The API URL of a deployed stage, from its CloudFormation outputs. */
const stageApiUrl = async (
  stackName: string,
  region: string,
): Promise<string> => {
  const client = new CloudFormationClient({ region });
  try {
    const { Stacks } = await client.send(
      new DescribeStacksCommand({ StackName: stackName }),
    );
    const outputs = Stacks?.[0]?.Outputs ?? [];
    const url = outputs.find(
      (output) =>
        output.OutputKey === 'HttpApiUrl' || output.OutputKey === 'ApiUrl',
    )?.OutputValue;
    if (url === undefined) {
      throw new TargetNotFoundError(
        `Stack ${stackName} in ${region} has no HttpApiUrl output`,
      );
    }
    return url;
  } catch (error) {
    if (error instanceof TargetNotFoundError) throw error;
    throw new TargetNotFoundError(
      `Cannot read stack ${stackName} in ${region}: ${(error as Error).message}`,
    );
  } finally {
    client.destroy();
  }
};

/**
 * Where the CLI sends its requests: an explicit --endpoint (unsigned), a
 * deployed --stage (URL from the stack outputs, requests signed with
 * SigV4), or by default the stack `npm run local` is serving.
 */
export const resolveTarget = async (
  options: TargetOptions,
): Promise<Target> => {
  if (options.endpoint !== undefined) {
    return {
      kind: 'endpoint',
      apiUrl: options.endpoint,
      send: fetch,
      pollIntervalMs: 500,
    };
  }
  if (options.stage !== undefined) {
    const region =
      options.region ??
      process.env.AWS_REGION ??
      process.env.AWS_DEFAULT_REGION;
    if (region === undefined) {
      throw new TargetNotFoundError(
        '--stage needs a region: pass --region or set AWS_REGION',
      );
    }
    const service = options.service ?? 'personalize-dataset-groups';
    return {
      kind: 'stage',
      apiUrl: await stageApiUrl(`${service}-${options.stage}`, region),
      send: sigV4Send(region),
      pollIntervalMs: 5_000,
    };
  }
  const local = await readLocalStackFile();
  return {
    kind: 'local',
    apiUrl: local.apiUrl,
    send: fetch,
    eventLogFile: local.eventLogFile,
    pollIntervalMs: 250,
  };
};
