import type { CreationFate } from './dataset-group-lifecycle.ts';
import type { CreateDatasetGroupInput } from './parse-requests.ts';
import type { Tag } from './tag-rules.ts';

/** A dataset group as the emulator keeps it, in a JSON-safe form. */
export interface StoredDatasetGroup {
  sequence: number;
  region: string;
  datasetGroupArn: string;
  input: CreateDatasetGroupInput;
  createdAtMs: number;
  fate: CreationFate;
  tags: Tag[];
  hasDatasets: boolean;
  deleteRequestedAtMs?: number;
}

/**
 * Where the emulator's dataset groups outlive the process: every change is
 * saved before the call that made it answers, and a new emulator starts
 * from what was saved (the lifecycle goes on from the stored timestamps).
 */
export interface DatasetGroupPersistence {
  load(): StoredDatasetGroup[];
  save(group: StoredDatasetGroup): void;
  remove(datasetGroupArn: string): void;
  clear(): void;
}
