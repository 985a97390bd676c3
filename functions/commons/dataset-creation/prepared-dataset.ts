import * as z from 'zod/mini';
import { tagSchema } from '../dataset-group/request-schema.ts';
import { datasetTypes } from '../datasets/dataset-types.ts';

/**
 * One dataset as PrepareDatasets hands it to an iteration of the Map:
 * the declaration with every default filled in and every ARN worked out
 * (they are the names: reference §ARNs), so every state, a failure's
 * included, can name what it was creating.
 */
export const preparedDatasetSchema = z.object({
  datasetType: z.enum(datasetTypes),
  datasetName: z.string(),
  datasetArn: z.string(),
  schema: z.object({
    name: z.string(),
    schemaArn: z.string(),
    /** Absent when the request named an existing schema by its ARN. */
    definition: z.optional(z.string()),
  }),
  tags: z.optional(z.array(tagSchema)),
  importJob: z.optional(
    z.object({
      jobName: z.string(),
      datasetImportJobArn: z.string(),
      dataLocation: z.string(),
      roleArn: z.string(),
      importMode: z.enum(['FULL', 'INCREMENTAL']),
    }),
  ),
});

export type PreparedDataset = z.infer<typeof preparedDatasetSchema>;

/** The group the datasets go into, as PrepareDatasets found it. */
export const targetGroupSchema = z.object({
  name: z.string(),
  datasetGroupArn: z.string(),
  domain: z.optional(z.enum(['ECOMMERCE', 'VIDEO_ON_DEMAND'])),
});

export type TargetGroup = z.infer<typeof targetGroupSchema>;

/** One dataset's outcome, as the terminal event lists it. */
export interface DatasetReport {
  datasetType: string;
  name: string;
  datasetArn: string;
  schemaArn: string;
  status: 'ACTIVE' | 'FAILED';
  importJob?: {
    jobName: string;
    datasetImportJobArn: string;
    status: 'ACTIVE' | 'FAILED';
  };
  error?: { code: string; message: string };
}
