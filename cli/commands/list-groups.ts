import type { ApiClient } from '../api-client.ts';
import type { CliOptions } from '../cli-options.ts';
import type { CliIo } from './cli-io.ts';

/** list: every dataset group, one a line (or one JSON array). */
export const listGroups = async (
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
