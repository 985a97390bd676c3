import { ApiError, createApiClient } from './api-client.ts';
import { ApiUnreachableError } from './cli-errors.ts';
import type { CliOptions } from './cli-options.ts';
import type { CliIo } from './commands/cli-io.ts';
import { followWorkflow } from './commands/follow-workflow.ts';
import { listGroups } from './commands/list-groups.ts';
import { showEvents } from './commands/show-events.ts';
import { showExecution } from './commands/show-execution.ts';
import { showStatus } from './commands/show-status.ts';
import { resolveTarget } from './target.ts';

export type { CliIo };

/** Runs one CLI command; returns the exit status. */
export const runCli = async (
  options: CliOptions,
  io: CliIo,
): Promise<number> => {
  const target = await resolveTarget(options.target);
  const api = createApiClient(
    target.apiUrl,
    target.send,
    io.signal === undefined ? {} : { signal: io.signal },
  );
  try {
    switch (options.command) {
      case 'create':
      case 'delete':
        return await followWorkflow(options, api, target, io);
      case 'status':
        return await showStatus(options, api, io);
      case 'list':
        return await listGroups(options, api, io);
      case 'execution':
        return await showExecution(options, api, io);
      case 'events':
        return await showEvents(options, target, io);
    }
  } catch (error) {
    if (error instanceof ApiUnreachableError) {
      io.err(
        target.unreachableHint === undefined
          ? error.message
          : `${error.message}. ${target.unreachableHint}`,
      );
      return 1;
    }
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
