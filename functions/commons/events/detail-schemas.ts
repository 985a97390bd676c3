import * as z from 'zod';
import {
  correlationIdMaxLength,
  datasetGroupArnMaxLength,
  datasetGroupArnPattern,
  domains,
  nameMaxLength,
  namePattern,
} from '../dataset-group/constraints.ts';
import { datasetGroupDeleteRequestSchema } from '../dataset-group/delete-request-schema.ts';
import { datasetGroupRequestSchema } from '../dataset-group/request-schema.ts';
import { datasetGroupStatus } from '../dataset-group/status.ts';
import { childKinds } from '../teardown/child-resources.ts';

/*
 * The `detail` of every event of the workflow, at the version registry.ts
 * gives it (1.1.0 for the details that embed the request, which gained
 * `datasets`, and for the deletion events, which gained the cascade
 * delete's fields; 1.0.0 for the others).
 *
 * Strictness. Every object is strict (unknown fields rejected), and the
 * generated JSON Schemas say `additionalProperties: false`. These schemas
 * are the producer's contract: the tests parse every detail the workflow
 * builds with them, so a field added to a state machine `Detail` block, or a
 * typo in one, fails a test instead of silently widening what consumers
 * receive. A version is therefore a closed set of fields: adding one is a
 * new minor version with its own schema file next to the old one (which is
 * never edited once published). A consumer that must keep working across
 * such additions without redeploying should read leniently, i.e. ignore
 * fields it does not know rather than validate with additionalProperties;
 * a consumer that validates strictly pins the version it was built for.
 */

const isoTimestamp = z.iso.datetime({ offset: true });

const correlationIdSchema = z.string().min(1).max(correlationIdMaxLength).meta({
  description:
    "The request's correlationId, or the execution name when the request had none.",
});

const executionArnSchema = z
  .string()
  .regex(/^arn:[a-z\d-]+:states:.+$/)
  .meta({ description: 'ARN of the Step Functions execution.' });

/** A dataset group as published: the Personalize DatasetGroup fields. */
export const datasetGroupSchema = z.strictObject({
  name: z.string().min(1).max(nameMaxLength).regex(namePattern),
  datasetGroupArn: z
    .string()
    .max(datasetGroupArnMaxLength)
    .regex(datasetGroupArnPattern)
    .optional(),
  status: z
    .string()
    .min(1)
    .meta({
      description: `As Personalize spells it: ${Object.values(
        datasetGroupStatus,
      ).join(', ')}.`,
    })
    .optional(),
  domain: z.enum(domains).optional(),
  roleArn: z.string().optional(),
  kmsKeyArn: z.string().optional(),
  creationDateTime: isoTimestamp.optional(),
  lastUpdatedDateTime: isoTimestamp.optional(),
  failureReason: z.string().optional(),
});

/** The group once ACTIVE: it has an ARN and the status says so. */
export const activeDatasetGroupSchema = datasetGroupSchema.extend({
  datasetGroupArn: z
    .string()
    .max(datasetGroupArnMaxLength)
    .regex(datasetGroupArnPattern),
  status: z.literal(datasetGroupStatus.active),
});

/** What is known of the group when a workflow fails: maybe nothing ({}). */
export const partialDatasetGroupSchema = datasetGroupSchema.partial();

/** A failure: a stable code (error class or outcome) and a human message. */
export const workflowErrorSchema = z.strictObject({
  code: z.string().min(1),
  message: z.string(),
});

export { datasetGroupDeleteRequestSchema };

const rawRequestSchema = z
  .unknown()
  .refine((request) => request !== undefined, { error: 'is required' })
  .meta({
    description:
      'The execution input as received; it may be invalid, e.g. when the failure is its rejection. When EventBridge refused the event with it (a large invalid input can take it over the 256 KB entry limit), {"omitted": "<why>"} instead: the input is the execution\'s.',
  });

/** A failure's correlation id: also the execution name without the request. */
const failureCorrelationIdSchema = correlationIdSchema.meta({
  description:
    "The request's correlationId, or the execution name when the request had none or was left out of the event (request.omitted).",
});

/** `Dataset Group Create Requested`: the request contract itself. */
export const datasetGroupCreateRequestedDetailSchema =
  datasetGroupRequestSchema;

/** `Dataset Group Delete Requested`. */
export const datasetGroupDeleteRequestedDetailSchema =
  datasetGroupDeleteRequestSchema;

/** `Dataset Group Creation Started`. */
export const datasetGroupCreationStartedDetailSchema = z.strictObject({
  datasetGroup: datasetGroupSchema,
  request: datasetGroupRequestSchema,
  executionArn: executionArnSchema,
  correlationId: correlationIdSchema,
  alreadyExisted: z.boolean().meta({
    description:
      'True when an existing group of the same name and configuration was adopted instead of created.',
  }),
});

/** `Dataset Group Created`. */
export const datasetGroupCreatedDetailSchema =
  datasetGroupCreationStartedDetailSchema.extend({
    datasetGroup: activeDatasetGroupSchema,
  });

/** `Dataset Group Creation Failed`. */
export const datasetGroupCreationFailedDetailSchema = z.strictObject({
  datasetGroup: partialDatasetGroupSchema,
  request: rawRequestSchema,
  executionArn: executionArnSchema,
  correlationId: failureCorrelationIdSchema,
  error: workflowErrorSchema,
});

/** A resource the group holds, as a cascade delete lists it. */
export const childReferenceSchema = z.strictObject({
  kind: z.enum(childKinds),
  name: z.string().min(1),
  arn: z.string().min(1),
});

/** Optional, as a minor version's fields are; the workflow always sends it. */
const childListSchema = (description: string) =>
  z.array(childReferenceSchema).optional().meta({ description });

/** `Dataset Group Deletion Started`. */
export const datasetGroupDeletionStartedDetailSchema = z.strictObject({
  datasetGroup: datasetGroupSchema,
  request: datasetGroupDeleteRequestSchema,
  executionArn: executionArnSchema,
  correlationId: correlationIdSchema,
  inventory: childListSchema(
    'With cascade: everything the group held when the teardown began (solution versions, which go with their solution, included); empty without cascade, or when the group held nothing.',
  ),
});

/** `Dataset Group Deleted`. */
export const datasetGroupDeletedDetailSchema = z.strictObject({
  datasetGroup: datasetGroupSchema,
  request: datasetGroupDeleteRequestSchema,
  executionArn: executionArnSchema,
  correlationId: correlationIdSchema,
  deleted: childListSchema(
    'With cascade: every resource of the group this run saw go before the group itself, and the schemas deleted (deleteSchemas).',
  ),
  keptSchemas: childListSchema(
    "The schemas the group's datasets used that were kept: all of them without deleteSchemas, else those another dataset still uses.",
  ),
});

/** `Dataset Group Deletion Failed`. */
export const datasetGroupDeletionFailedDetailSchema = z.strictObject({
  datasetGroup: partialDatasetGroupSchema,
  request: rawRequestSchema,
  executionArn: executionArnSchema,
  correlationId: failureCorrelationIdSchema,
  error: workflowErrorSchema,
  remaining: z
    .array(
      childReferenceSchema.extend({
        status: z.string().optional(),
        reason: z
          .string()
          .optional()
          .meta({ description: 'Why it was not deleted yet.' }),
      }),
    )
    .optional()
    .meta({
      description:
        'With cascade: what the group still held when the run stopped, as last seen; empty without cascade (error.message then names what the group holds).',
    }),
});

export type PublishedDatasetGroup = z.infer<typeof datasetGroupSchema>;
export type ActiveDatasetGroup = z.infer<typeof activeDatasetGroupSchema>;
export type PartialDatasetGroup = z.infer<typeof partialDatasetGroupSchema>;
export type WorkflowErrorDetail = z.infer<typeof workflowErrorSchema>;
export type DatasetGroupDeleteRequest = z.infer<
  typeof datasetGroupDeleteRequestSchema
>;
export type DatasetGroupCreateRequestedDetail = z.infer<
  typeof datasetGroupCreateRequestedDetailSchema
>;
export type DatasetGroupDeleteRequestedDetail = z.infer<
  typeof datasetGroupDeleteRequestedDetailSchema
>;
export type DatasetGroupCreationStartedDetail = z.infer<
  typeof datasetGroupCreationStartedDetailSchema
>;
export type DatasetGroupCreatedDetail = z.infer<
  typeof datasetGroupCreatedDetailSchema
>;
export type DatasetGroupCreationFailedDetail = z.infer<
  typeof datasetGroupCreationFailedDetailSchema
>;
export type DatasetGroupDeletionStartedDetail = z.infer<
  typeof datasetGroupDeletionStartedDetailSchema
>;
export type DatasetGroupDeletedDetail = z.infer<
  typeof datasetGroupDeletedDetailSchema
>;
export type DatasetGroupDeletionFailedDetail = z.infer<
  typeof datasetGroupDeletionFailedDetailSchema
>;
