import {
  CloudFormationClient,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { defaultStackDirectory } from '#local/commands/serve/stack-file.ts';
import type { Send } from './api-client.ts';
import { reasonOf, TargetNotFoundError } from './cli-errors.ts';
import { readRunningLocalStack, startCommandFor } from './local-stack-file.ts';
import { nodeHttpSend } from './node-http-send.ts';
import { sigV4Send } from './sigv4-send.ts';

export { TargetNotFoundError };

export interface Target {
  kind: 'local' | 'endpoint' | 'stage';
  apiUrl: string;
  send: Send;
  /** Where a local stack keeps its events: its database, its bus. */
  events?: { databaseFile: string; busName: string };
  pollIntervalMs: number;
  /** The flags that name this target again, e.g. in a hint to the user. */
  flags: string[];
  /** What to tell the user when the API cannot be reached, if anything. */
  unreachableHint?: string;
}

export interface TargetOptions {
  endpoint?: string | undefined;
  stage?: string | undefined;
  region?: string | undefined;
  /** The directory whose stack.json names the local stack. */
  localDir?: string | undefined;
  service?: string | undefined;
}

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
      `Cannot read stack ${stackName} in ${region}: ${reasonOf(error)}`,
      { cause: error },
    );
  } finally {
    client.destroy();
  }
};

/**
 * Where the CLI sends its requests: an explicit --endpoint (unsigned), a
 * deployed --stage (URL from the stack outputs, requests signed with
 * SigV4), or by default the stack `npm run local` is serving, found
 * through `stack.json` in --local-dir (default `.local`).
 */
export const resolveTarget = async (
  options: TargetOptions,
): Promise<Target> => {
  if (options.endpoint !== undefined) {
    return {
      kind: 'endpoint',
      apiUrl: options.endpoint,
      send: nodeHttpSend(),
      pollIntervalMs: 500,
      flags: ['--endpoint', options.endpoint],
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
      flags: ['--stage', options.stage, '--region', region],
    };
  }
  const localDir = options.localDir ?? defaultStackDirectory;
  const local = await readRunningLocalStack(localDir);
  return {
    kind: 'local',
    apiUrl: local.apiUrl,
    send: nodeHttpSend(),
    ...(local.databaseFile !== undefined &&
      local.databaseFile !== '' && {
        events: {
          databaseFile: local.databaseFile,
          busName: local.eventBusName ?? 'personalize-dataset-groups',
        },
      }),
    pollIntervalMs: 250,
    flags: localDir === defaultStackDirectory ? [] : ['--local-dir', localDir],
    unreachableHint: `Is the local stack still running? Start one with "${startCommandFor(localDir)}".`,
  };
};
