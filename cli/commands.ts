import { type ApiClient, ApiError, createApiClient } from './api-client.ts';
import type { CliOptions } from './cli-options.ts';
import { describeEvent, readEventLog } from './follow-events.ts';
import { resolveTarget, type Target } from './target.ts';
import { watchExecution } from './watch-execution.ts';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  signal?: AbortSignal;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(7)}s`;

const runWorkflow = async (
  options: CliOptions,
  api: ApiClient,
  target: Target,
  io: CliIo,
): Promise<number> => {
  const name = options.name ?? '';
  const verb = options.command === 'create' ? 'creation' : 'deletion';
  const started =
    options.command === 'create'
      ? await api.createDatasetGroup(options.request, options.idempotencyKey)
      : await api.deleteDatasetGroup(name);
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
    onChange: ({ elapsedMs, execution, datasetGroupStatus }) => {
      if (!options.json) {
        io.out(
          `${seconds(elapsedMs)}  workflow ${execution.status.padEnd(9)} dataset group ${datasetGroupStatus}`,
        );
      }
    },
  });
  const { execution } = result;
  if (options.json) {
    io.out(JSON.stringify({ started, ...result }, null, 2));
  } else if (result.timedOut) {
    io.err(
      `Stopped following after ${options.timeoutSeconds} s; the workflow is still RUNNING (status ${started.executionName})`,
    );
  } else if (execution.status === 'SUCCEEDED') {
    io.out(
      options.command === 'create'
        ? `Dataset group ${name} is ACTIVE: ${result.datasetGroup?.datasetGroupArn ?? started.datasetGroupArn ?? ''}`
        : `Dataset group ${name} is deleted`,
    );
  } else {
    io.err(
      `The ${verb} of ${name} ${execution.status}: ${execution.error ?? 'no error'}: ${execution.cause ?? 'no cause'}`,
    );
  }
  return !result.timedOut && execution.status === 'SUCCEEDED' ? 0 : 1;
};

const showStatus = async (
  options: CliOptions,
  api: ApiClient,
  io: CliIo,
): Promise<number> => {
  const group = await api.getDatasetGroup(options.name ?? '');
  if (options.json) {
    io.out(JSON.stringify(group, null, 2));
    return 0;
  }
  for (const [key, value] of Object.entries(group)) {
    io.out(`${`${key}:`.padEnd(22)}${String(value)}`);
  }
  return 0;
};

const listGroups = async (
  options: CliOptions,
  api: ApiClient,
  io: CliIo,
): Promise<number> => {
  const { datasetGroups } = await api.listDatasetGroups();
  if (options.json) {
    io.out(JSON.stringify(datasetGroups, null, 2));
    return 0;
  }
  if (datasetGroups.length === 0) io.out('No dataset groups');
  for (const group of datasetGroups) {
    io.out(
      `${group.name.padEnd(40)}${(group.status ?? '').padEnd(20)}${group.creationDateTime ?? ''}`,
    );
  }
  return 0;
};

const showEvents = async (
  options: CliOptions,
  target: Target,
  io: CliIo,
): Promise<number> => {
  if (target.eventLogFile === undefined) {
    io.err(
      "events reads the local stack's event log; for a deployed stage, add a rule on the bus that targets a log group or queue you can read",
    );
    return 2;
  }
  const count = await readEventLog(target.eventLogFile, {
    follow: options.follow,
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    onEvent: (event) =>
      io.out(options.json ? JSON.stringify(event) : describeEvent(event)),
  });
  if (count === 0 && !options.json) io.err('No events yet');
  return 0;
};

/** Runs one CLI command; returns the exit status. */
export const runCli = async (
  options: CliOptions,
  io: CliIo,
): Promise<number> => {
  const target = await resolveTarget(options.target);
  const api = createApiClient(target.apiUrl, target.send);
  try {
    switch (options.command) {
      case 'create':
      case 'delete':
        return await runWorkflow(options, api, target, io);
      case 'status':
        return await showStatus(options, api, io);
      case 'list':
        return await listGroups(options, api, io);
      case 'events':
        return await showEvents(options, target, io);
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (options.json) io.out(JSON.stringify(error.body ?? {}, null, 2));
    io.err(error.message);
    const errors = (error.body as { errors?: unknown } | null)?.errors;
    if (Array.isArray(errors)) {
      for (const issue of errors as Array<{ field: string; message: string }>) {
        io.err(`  ${issue.field}: ${issue.message}`);
      }
    }
    return 1;
  }
};
