import type { ApiClient, ExecutionView } from '../api-client.ts';
import { RequestAbortedError } from '../cli-errors.ts';
import type { CliOptions } from '../cli-options.ts';
import type { Target } from '../target.ts';
import { watchExecution } from '../watch-execution.ts';
import { type CliIo, cliCommandLine, interruptedExitStatus } from './cli-io.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(7)}s`;

/** Whether a create execution's output says it adopted an existing group. */
const adopted = (execution: ExecutionView): boolean =>
  (execution.output as { alreadyExisted?: unknown } | undefined)
    ?.alreadyExisted === true;

interface DeletedChild {
  kind: string;
  name: string;
  arn: string;
}

/** A cascade delete's output: what it deleted before the group. */
const deletedOf = (execution: ExecutionView): DeletedChild[] => {
  const deleted = (
    execution.output as { teardown?: { deleted?: unknown } } | undefined
  )?.teardown?.deleted;
  return Array.isArray(deleted) ? (deleted as DeletedChild[]) : [];
};

/** The lines that say what a delete deleted. */
const deletionLines = (name: string, execution: ExecutionView): string[] => {
  const deleted = deletedOf(execution);
  if (deleted.length === 0) return [`Dataset group ${name} is deleted`];
  const kindWidth = Math.max(...deleted.map((child) => child.kind.length));
  const nameWidth = Math.max(...deleted.map((child) => child.name.length));
  return [
    `Dataset Group Deleted: ${name}, and the ${deleted.length} resources it held:`,
    ...deleted.map(
      (child) =>
        `  ${child.kind.padEnd(kindWidth)}  ${child.name.padEnd(nameWidth)}  ${child.arn}`,
    ),
  ];
};

const groupArnOf = (execution: ExecutionView): string | undefined => {
  const arn = (
    execution.output as
      | { progress?: { datasetGroup?: { datasetGroupArn?: unknown } } }
      | undefined
  )?.progress?.datasetGroup?.datasetGroupArn;
  return typeof arn === 'string' ? arn : undefined;
};

/**
 * create and delete: start the workflow through the API, then follow it
 * to its end, until --timeout, or until Ctrl-C (the workflow goes on).
 */
export const followWorkflow = async (
  options: CliOptions,
  api: ApiClient,
  target: Target,
  io: CliIo,
): Promise<number> => {
  const name = options.name ?? '';
  const verb = options.command === 'create' ? 'creation' : 'deletion';
  let started: Awaited<ReturnType<ApiClient['createDatasetGroup']>>;
  try {
    started =
      options.command === 'create'
        ? await api.createDatasetGroup(options.request, options.idempotencyKey)
        : await api.deleteDatasetGroup(
            name,
            options.request as { cascade?: boolean; deleteSchemas?: boolean },
          );
  } catch (error) {
    if (!(error instanceof RequestAbortedError)) throw error;
    io.err(
      `Interrupted before the API answered: the ${verb} of ${name} may have started. Look it up with: ${cliCommandLine(['status', name, ...target.flags])}`,
    );
    return interruptedExitStatus;
  }
  const lookUp = `Look it up with: ${cliCommandLine([
    'execution',
    started.executionName,
    ...target.flags,
  ])}`;
  if (!options.json) {
    io.out(
      `Started the ${verb} of ${name}: execution ${started.executionName}${
        started.idempotentReplay ? ' (an earlier request with this key)' : ''
      }`,
    );
  }
  if (!options.wait) {
    if (options.json) io.out(JSON.stringify({ started }, null, 2));
    return 0;
  }
  const result = await watchExecution(api, started.executionName, name, {
    pollIntervalMs: target.pollIntervalMs,
    timeoutMs: options.timeoutSeconds * 1000,
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    onChange: ({ elapsedMs, execution, datasetGroupStatus }) => {
      if (!options.json) {
        io.out(
          `${seconds(elapsedMs)}  workflow ${execution.status.padEnd(9)} dataset group ${datasetGroupStatus}`,
        );
      }
    },
  });
  if (options.json) io.out(JSON.stringify({ started, ...result }, null, 2));
  if (result.interrupted) {
    io.err(`Stopped following; the workflow goes on. ${lookUp}`);
    return interruptedExitStatus;
  }
  const { execution } = result;
  if (result.timedOut) {
    io.err(
      `Stopped following after ${options.timeoutSeconds} s; the workflow is still RUNNING. ${lookUp}`,
    );
    return 1;
  }
  if (execution?.status === 'SUCCEEDED') {
    if (!options.json && options.command === 'delete') {
      for (const line of deletionLines(name, execution)) io.out(line);
    } else if (!options.json) {
      io.out(
        `Dataset group ${name} is ACTIVE${
          adopted(execution)
            ? ' (an existing group with the same configuration was adopted)'
            : ''
        }: ${
          groupArnOf(execution) ??
          result.datasetGroup?.datasetGroupArn ??
          started.datasetGroupArn ??
          ''
        }`,
      );
    }
    return 0;
  }
  io.err(
    `The ${verb} of ${name} ${execution?.status ?? 'ended'}: ${execution?.error ?? 'no error'}: ${execution?.cause ?? 'no cause'}`,
  );
  return 1;
};
