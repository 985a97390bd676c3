import type { ApiClient, ExecutionView } from '../api-client.ts';
import type { CliOptions } from '../cli-options.ts';
import type { CliIo } from './cli-io.ts';

const compact = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** The lines `execution NAME` prints for a person. */
export const describeExecution = (execution: ExecutionView): string[] => {
  const fields: Array<[string, unknown]> = [
    ['execution', execution.executionName],
    ['arn', execution.executionArn],
    ['status', execution.status],
    ['started', execution.startDate],
    ['stopped', execution.stopDate],
    ['input', execution.input],
    ['output', execution.output],
    ['error', execution.error],
    ['cause', execution.cause],
  ];
  return fields
    .filter(([, value]) => value !== undefined)
    .map(([label, value]) => `${`${label}:`.padEnd(11)}${compact(value)}`);
};

/** execution NAME: one create or delete execution, by name. */
export const showExecution = async (
  options: CliOptions,
  api: ApiClient,
  io: CliIo,
): Promise<number> => {
  const execution = await api.getExecution(options.name ?? '');
  if (options.json) {
    io.out(JSON.stringify(execution, null, 2));
    return 0;
  }
  for (const line of describeExecution(execution)) io.out(line);
  return 0;
};
