import type { ApiClient } from '../api-client.ts';
import type { CliOptions } from '../cli-options.ts';
import type { CliIo } from './cli-io.ts';

/** status NAME: the dataset group as Personalize describes it. */
export const showStatus = async (
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
