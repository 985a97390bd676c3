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
  const { datasets, ...fields } = group;
  for (const [key, value] of Object.entries(fields)) {
    io.out(`${`${key}:`.padEnd(22)}${String(value)}`);
  }
  if (datasets !== undefined) {
    io.out(`${'datasets:'.padEnd(22)}${datasets.length === 0 ? 'none' : ''}`);
    for (const dataset of datasets) {
      io.out(
        `  ${(dataset.datasetType ?? '?').padEnd(20)}${(dataset.status ?? '?').padEnd(20)}${dataset.datasetArn ?? ''}`,
      );
    }
  }
  return 0;
};
