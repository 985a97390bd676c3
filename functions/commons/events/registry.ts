import type * as z from 'zod';
import {
  datasetCreatedDetailSchema,
  datasetCreationFailedDetailSchema,
  datasetGroupDatasetsFailedDetailSchema,
  datasetGroupDatasetsReadyDetailSchema,
  datasetImportCompletedDetailSchema,
  datasetImportFailedDetailSchema,
} from './dataset-detail-schemas.ts';
import {
  datasetGroupCreatedDetailSchema,
  datasetGroupCreateRequestedDetailSchema,
  datasetGroupCreationFailedDetailSchema,
  datasetGroupCreationStartedDetailSchema,
  datasetGroupDeletedDetailSchema,
  datasetGroupDeleteRequestedDetailSchema,
  datasetGroupDeletionFailedDetailSchema,
  datasetGroupDeletionStartedDetailSchema,
} from './detail-schemas.ts';
import { type DetailType, detailTypes } from './detail-types.ts';

export interface EventContract<
  Schema extends z.core.$ZodType = z.core.$ZodType,
> {
  detailType: DetailType;
  direction: 'inbound' | 'outbound';
  /** Semantic version of the detail schema. */
  version: string;
  /** Zod schema of the event's `detail`. */
  schema: Schema;
  /** One paragraph for the JSON Schema `description`. */
  description: string;
  /** Name of the JSON Schema file in schemas/events/. */
  fileName: string;
}

/** `Dataset Group Created` → `dataset-group-created`. */
export const kebabCaseOf = (detailType: string): string =>
  detailType.trim().toLowerCase().split(/\s+/).join('-');

/** `dataset-group-created.v1.0.0.json`. */
export const schemaFileNameOf = (detailType: string, version: string) =>
  `${kebabCaseOf(detailType)}.v${version}.json`;

const contract = <Schema extends z.core.$ZodType>(
  detailType: DetailType,
  direction: EventContract['direction'],
  schema: Schema,
  description: string,
  version = '1.0.0',
): EventContract<Schema> => {
  return {
    detailType,
    direction,
    version,
    schema,
    description,
    fileName: schemaFileNameOf(detailType, version),
  };
};

/**
 * Every detail-type with its current schema version, so tests and tools
 * (the JSON Schema generator) can iterate them. A new version of a detail
 * gets a new `version` here (the last argument, 1.0.0 when left out); the
 * previous version's file stays published. 1.1.0 of the details that embed
 * the request contract adds its optional `datasets`; Creation Failed
 * carries the request as received (any JSON), so it stays 1.0.0. 1.1.0 of
 * the deletion details adds the cascade delete's fields.
 */
export const eventContracts = {
  [detailTypes.createRequested]: contract(
    detailTypes.createRequested,
    'inbound',
    datasetGroupCreateRequestedDetailSchema,
    'Asks the workflow to create an Amazon Personalize dataset group, and the datasets it declares (version 1.1.0 adds datasets). The detail is the request contract: the same JSON as the execution input and the POST /dataset-groups body. Rules this JSON Schema cannot express: tag keys unique within a tag list; dataset types unique without regard to case, and only Interactions, Items and Users in a domain group; each schema definition a named Avro record of at most 20,000 characters with the required fields of its type (and of the domain); schema and import job names, given or default, distinct across the datasets.',
    '1.1.0',
  ),
  [detailTypes.deleteRequested]: contract(
    detailTypes.deleteRequested,
    'inbound',
    datasetGroupDeleteRequestedDetailSchema,
    'Asks the workflow to delete the Amazon Personalize dataset group of that name. Version 1.1.0: cascade: true deletes everything the group holds first (campaigns, recommenders, training solution versions stopped, solutions, event trackers, filters, metric attributions, datasets), in the order Personalize requires; with it, deleteSchemas: true also deletes the schemas its datasets used where no other dataset uses them.',
    '1.1.0',
  ),
  [detailTypes.creationStarted]: contract(
    detailTypes.creationStarted,
    'outbound',
    datasetGroupCreationStartedDetailSchema,
    'The dataset group was created (or an identical existing one adopted: alreadyExisted) and the workflow is waiting for it to become ACTIVE. Best effort: a consumer must not depend on receiving it. Version 1.1.0: the request may declare datasets.',
    '1.1.0',
  ),
  [detailTypes.created]: contract(
    detailTypes.created,
    'outbound',
    datasetGroupCreatedDetailSchema,
    'Terminal: the dataset group is ACTIVE and ready for datasets. Published once per successful workflow execution. Version 1.1.0: the request may declare datasets, which the create-datasets workflow then creates in the group.',
    '1.1.0',
  ),
  [detailTypes.creationFailed]: contract(
    detailTypes.creationFailed,
    'outbound',
    datasetGroupCreationFailedDetailSchema,
    'Terminal: the request was rejected, the group could not be created or adopted, Personalize reported CREATE FAILED, or the deadline was reached. error.code is stable (an error class name or an outcome code); datasetGroup is {} when the request was rejected before creation. Exactly one per failed execution: when EventBridge refuses the full event, it is published again with request {"omitted": …} and the execution name as correlationId.',
  ),
  [detailTypes.deletionStarted]: contract(
    detailTypes.deletionStarted,
    'outbound',
    datasetGroupDeletionStartedDetailSchema,
    'Deletion of the dataset group was requested and the workflow is waiting for it to disappear. Version 1.1.0: with cascade, it is published before the teardown, with the inventory of everything the group holds.',
    '1.1.0',
  ),
  [detailTypes.deleted]: contract(
    detailTypes.deleted,
    'outbound',
    datasetGroupDeletedDetailSchema,
    'Terminal: the dataset group no longer exists. Version 1.1.0: deleted lists what a cascade delete deleted before it, keptSchemas the schemas kept.',
    '1.1.0',
  ),
  [detailTypes.deletionFailed]: contract(
    detailTypes.deletionFailed,
    'outbound',
    datasetGroupDeletionFailedDetailSchema,
    'Terminal: the dataset group could not be deleted, for example because it still holds datasets and the request had no cascade (DatasetGroupInUseError, whose message names what it holds), or a cascade delete could not delete a child (DatasetGroupChildDeletionFailed names it). error.code is stable. Version 1.1.0: remaining lists what the group still held. Exactly one per failed execution: when EventBridge refuses the full event, it is published again with request {"omitted": …} and the execution name as correlationId.',
    '1.1.0',
  ),
  [detailTypes.datasetCreated]: contract(
    detailTypes.datasetCreated,
    'outbound',
    datasetCreatedDetailSchema,
    'One dataset of the create-datasets workflow is ACTIVE (created, or adopted: alreadyExisted; its schema created or adopted: schemaAdopted). Published once per dataset of a run.',
  ),
  [detailTypes.datasetCreationFailed]: contract(
    detailTypes.datasetCreationFailed,
    'outbound',
    datasetCreationFailedDetailSchema,
    'One dataset could not be created: its schema or dataset conflicts with an existing one, Personalize reported CREATE FAILED, its deadline passed, or a call kept failing. dataset.error.code is stable.',
  ),
  [detailTypes.datasetImportCompleted]: contract(
    detailTypes.datasetImportCompleted,
    'outbound',
    datasetImportCompletedDetailSchema,
    "One dataset's import job is ACTIVE: its data is imported.",
  ),
  [detailTypes.datasetImportFailed]: contract(
    detailTypes.datasetImportFailed,
    'outbound',
    datasetImportFailedDetailSchema,
    "One dataset's import failed: Personalize reported CREATE FAILED (report.error.message holds its failureReason), the job conflicts with an existing one, or the import's deadline passed, waiting for the quota of 5 pending imports included.",
  ),
  [detailTypes.datasetsReady]: contract(
    detailTypes.datasetsReady,
    'outbound',
    datasetGroupDatasetsReadyDetailSchema,
    'Terminal (create-datasets): every declared dataset is ACTIVE and every declared import completed. datasets lists each with its ARNs. Exactly one terminal event per run.',
  ),
  [detailTypes.datasetsFailed]: contract(
    detailTypes.datasetsFailed,
    'outbound',
    datasetGroupDatasetsFailedDetailSchema,
    'Terminal (create-datasets): at least one dataset or import failed (datasets says which, and why), or the request was rejected before anything was created (datasets is [], datasetGroup {} and request the input). Exactly one terminal event per run.',
  ),
} as const satisfies Record<DetailType, EventContract>;

export const eventContractList: readonly EventContract[] =
  Object.values(eventContracts);
