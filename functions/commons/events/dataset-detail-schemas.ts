import * as z from 'zod';
import {
  datasetGroupArnPattern,
  domains,
  nameMaxLength,
  namePattern,
} from '../dataset-group/constraints.ts';
import { datasetTypes } from '../datasets/dataset-types.ts';

/*
 * The `detail` of the create-datasets workflow's events, version 1.0.0,
 * strict as detail-schemas.ts explains.
 */

const isoTimestamp = z.iso.datetime({ offset: true });
const personalizeArn = z.string().max(256).regex(datasetGroupArnPattern);
const name = z.string().min(1).max(nameMaxLength).regex(namePattern);

const executionArnSchema = z
  .string()
  .regex(/^arn:[a-z\d-]+:states:.+$/)
  .meta({ description: 'ARN of the create-datasets execution.' });

const correlationIdSchema = z.string().min(1).meta({
  description:
    "The request's correlationId (the group request's, when the run was started by its Dataset Group Created event), or the execution name.",
});

const errorSchema = z.strictObject({
  code: z.string().min(1),
  message: z.string(),
});

/** The group the datasets go into. */
const targetGroupSchema = z.strictObject({
  name,
  datasetGroupArn: personalizeArn,
  domain: z.enum(domains).optional(),
});

/** A dataset as DescribeDataset returned it. */
const datasetSchema = z.strictObject({
  name: z.string(),
  datasetArn: personalizeArn,
  datasetGroupArn: personalizeArn.optional(),
  datasetType: z.string().optional(),
  schemaArn: personalizeArn.optional(),
  status: z.string().optional(),
  creationDateTime: isoTimestamp.optional(),
  lastUpdatedDateTime: isoTimestamp.optional(),
  failureReason: z.string().optional(),
});

/** An import job as DescribeDatasetImportJob returned it. */
const importJobSchema = z.strictObject({
  jobName: z.string(),
  datasetImportJobArn: personalizeArn,
  datasetArn: personalizeArn.optional(),
  dataLocation: z.string().optional(),
  importMode: z.string().optional(),
  status: z.string().optional(),
  failureReason: z.string().optional(),
  creationDateTime: isoTimestamp.optional(),
  lastUpdatedDateTime: isoTimestamp.optional(),
});

/** One dataset's outcome: a line of the terminal events. */
export const datasetReportSchema = z.strictObject({
  datasetType: z.enum(datasetTypes),
  name,
  datasetArn: personalizeArn,
  schemaArn: personalizeArn,
  status: z.enum(['ACTIVE', 'FAILED']),
  importJob: z
    .strictObject({
      jobName: name,
      datasetImportJobArn: personalizeArn,
      status: z.enum(['ACTIVE', 'FAILED']),
    })
    .optional(),
  error: errorSchema.optional(),
});

const runFields = {
  datasetGroup: targetGroupSchema,
  executionArn: executionArnSchema,
  correlationId: correlationIdSchema,
};

/** `Dataset Created`. */
export const datasetCreatedDetailSchema = z.strictObject({
  ...runFields,
  dataset: datasetSchema,
  alreadyExisted: z.boolean().meta({
    description:
      'True when the group held this dataset already, with the same schema.',
  }),
  schemaAdopted: z.boolean().meta({
    description:
      'True when the schema existed already with the same definition, or was named by its ARN.',
  }),
});

/** `Dataset Creation Failed`. */
export const datasetCreationFailedDetailSchema = z.strictObject({
  ...runFields,
  dataset: datasetReportSchema,
});

/** `Dataset Import Completed`. */
export const datasetImportCompletedDetailSchema = z.strictObject({
  ...runFields,
  dataset: datasetSchema,
  importJob: importJobSchema,
  alreadyExisted: z.boolean(),
});

/** `Dataset Import Failed`. */
export const datasetImportFailedDetailSchema = z.strictObject({
  ...runFields,
  dataset: datasetSchema,
  report: datasetReportSchema,
});

/** `Dataset Group Datasets Ready`. */
export const datasetGroupDatasetsReadyDetailSchema = z.strictObject({
  ...runFields,
  datasets: z.array(datasetReportSchema).min(1),
});

/** `Dataset Group Datasets Failed`. */
export const datasetGroupDatasetsFailedDetailSchema = z.strictObject({
  datasetGroup: z.union([targetGroupSchema, z.strictObject({})]).meta({
    description: '{} when the request was rejected before the group was found.',
  }),
  datasets: z.array(datasetReportSchema),
  request: z.unknown().optional().meta({
    description:
      'The execution input, when the request itself was rejected; {"omitted": …} when EventBridge refused the event with it.',
  }),
  executionArn: executionArnSchema,
  correlationId: correlationIdSchema,
  error: errorSchema,
});

export type DatasetReportDetail = z.infer<typeof datasetReportSchema>;
