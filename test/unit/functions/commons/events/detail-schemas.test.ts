import { describe, expect, it } from 'vitest';
import type { WorkflowError } from '#commons/dataset-group/creation-progress.ts';
import {
  type DatasetGroup,
  toDatasetGroup,
} from '#commons/dataset-group/dataset-group.ts';
import type { DatasetGroupRequest } from '#commons/dataset-group/request-schema.ts';
import {
  type DatasetGroupCreatedDetail,
  type DatasetGroupCreationFailedDetail,
  type DatasetGroupCreationStartedDetail,
  datasetGroupSchema,
  type PublishedDatasetGroup,
  partialDatasetGroupSchema,
  type WorkflowErrorDetail,
} from '#commons/events/detail-schemas.ts';
import { type DetailType, detailTypes } from '#commons/events/detail-types.ts';
import { eventContracts } from '#commons/events/registry.ts';
import {
  getTestEvent,
  jsonSchemaAccepts,
  removeAt,
  setAt,
  testEventPaths,
  zodAccepts,
} from './event-contract-helpers.ts';

const contractOf = (detailType: string) => {
  const contract = eventContracts[detailType as DetailType];
  if (contract === undefined) {
    throw new Error(`No contract for detail-type "${detailType}"`);
  }
  return contract;
};

const verdicts = (detailType: string, detail: unknown) => {
  const contract = contractOf(detailType);
  return {
    zod: zodAccepts(contract, detail),
    jsonSchema: jsonSchemaAccepts(contract, detail),
  };
};

const accepted = { zod: true, jsonSchema: true };
const rejected = { zod: false, jsonSchema: false };

const fixtures = {
  createRequested:
    'com.example.tenant-onboarding/dataset-group-create-requested.json',
  deleteRequested:
    'com.example.tenant-onboarding/dataset-group-delete-requested.json',
  creationStarted:
    'personalize.dataset-groups/dataset-group-creation-started.json',
  created: 'personalize.dataset-groups/dataset-group-created.json',
  createdAdopted:
    'personalize.dataset-groups/dataset-group-created-adopted-encrypted.json',
  rejectedRequest:
    'personalize.dataset-groups/dataset-group-creation-failed-invalid-request.json',
  createFailed:
    'personalize.dataset-groups/dataset-group-creation-failed-create-failed.json',
  timedOut:
    'personalize.dataset-groups/dataset-group-creation-failed-timed-out.json',
  deletionStarted:
    'personalize.dataset-groups/dataset-group-deletion-started.json',
  deleted: 'personalize.dataset-groups/dataset-group-deleted.json',
  deletionFailed:
    'personalize.dataset-groups/dataset-group-deletion-failed.json',
} as const;

type Mutation =
  | { set: readonly (string | number)[]; value: unknown }
  | { remove: readonly (string | number)[] };

const mutated = (path: string, mutation: Mutation) => {
  const event = getTestEvent(path);
  if ('remove' in mutation) removeAt(event.detail, mutation.remove);
  else setAt(event.detail, mutation.set, mutation.value);
  return event;
};

const creationFields = [
  'datasetGroup',
  'request',
  'executionArn',
  'correlationId',
];

/** The required top-level fields of each detail, as the contract states. */
const requiredFields: Record<DetailType, readonly string[]> = {
  [detailTypes.createRequested]: ['name'],
  [detailTypes.deleteRequested]: ['name'],
  [detailTypes.creationStarted]: [...creationFields, 'alreadyExisted'],
  [detailTypes.created]: [...creationFields, 'alreadyExisted'],
  [detailTypes.creationFailed]: [...creationFields, 'error'],
  [detailTypes.deletionStarted]: creationFields,
  [detailTypes.deleted]: creationFields,
  [detailTypes.deletionFailed]: [...creationFields, 'error'],
  [detailTypes.datasetCreated]: [
    'datasetGroup',
    'dataset',
    'executionArn',
    'correlationId',
    'alreadyExisted',
    'schemaAdopted',
  ],
  [detailTypes.datasetCreationFailed]: [
    'datasetGroup',
    'dataset',
    'executionArn',
    'correlationId',
  ],
  [detailTypes.datasetImportCompleted]: [
    'datasetGroup',
    'dataset',
    'importJob',
    'executionArn',
    'correlationId',
    'alreadyExisted',
  ],
  [detailTypes.datasetImportFailed]: [
    'datasetGroup',
    'dataset',
    'report',
    'executionArn',
    'correlationId',
  ],
  [detailTypes.datasetsReady]: [
    'datasetGroup',
    'datasets',
    'executionArn',
    'correlationId',
  ],
  [detailTypes.datasetsFailed]: [
    'datasetGroup',
    'datasets',
    'executionArn',
    'correlationId',
    'error',
  ],
};

const requiredFieldCases = testEventPaths().flatMap((path) =>
  (requiredFields[getTestEvent(path)['detail-type'] as DetailType] ?? []).map(
    (field) => ({ path, field }),
  ),
);

describe('event detail schemas', () => {
  it.each(testEventPaths())(
    'accept the fixture %s with zod and the JSON Schema file',
    (path) => {
      // Prepare
      const event = getTestEvent(path);

      // Act
      const result = verdicts(event['detail-type'], event.detail);

      // Assess
      expect(result).toEqual(accepted);
    },
  );

  it('have at least one fixture for every detail-type', () => {
    // Act
    const covered = new Set(
      testEventPaths().map((path) => getTestEvent(path)['detail-type']),
    );

    // Assess
    expect([...covered].sort()).toEqual(Object.values(detailTypes).sort());
  });

  it.each(requiredFieldCases)(
    'reject $path without its required field $field',
    ({ path, field }) => {
      // Prepare
      const event = mutated(path, { remove: [field] });

      // Act
      const result = verdicts(event['detail-type'], event.detail);

      // Assess
      expect(result).toEqual(rejected);
    },
  );

  it.each(testEventPaths())(
    'reject %s with an extra top-level field',
    (path) => {
      // Prepare
      const event = mutated(path, { set: ['unexpected'], value: true });

      // Act
      const result = verdicts(event['detail-type'], event.detail);

      // Assess
      expect(result).toEqual(rejected);
    },
  );

  it.each<{ case: string; fixture: string; mutation: Mutation }>([
    {
      case: 'Created whose group is not ACTIVE',
      fixture: fixtures.created,
      mutation: {
        set: ['datasetGroup', 'status'],
        value: 'CREATE IN_PROGRESS',
      },
    },
    {
      case: 'Created whose group is CREATE FAILED',
      fixture: fixtures.created,
      mutation: { set: ['datasetGroup', 'status'], value: 'CREATE FAILED' },
    },
    {
      case: 'Created without a status',
      fixture: fixtures.created,
      mutation: { remove: ['datasetGroup', 'status'] },
    },
    {
      case: 'Created without a dataset group ARN',
      fixture: fixtures.created,
      mutation: { remove: ['datasetGroup', 'datasetGroupArn'] },
    },
    {
      case: 'Created with a dataset group ARN of another service',
      fixture: fixtures.created,
      mutation: {
        set: ['datasetGroup', 'datasetGroupArn'],
        value: 'arn:aws:s3:::acme-prod',
      },
    },
    {
      case: 'Created with an extra field in the dataset group',
      fixture: fixtures.created,
      mutation: { set: ['datasetGroup', 'tags'], value: [] },
    },
    {
      case: 'Created with an unknown domain',
      fixture: fixtures.created,
      mutation: { set: ['datasetGroup', 'domain'], value: 'RETAIL' },
    },
    {
      case: 'Created with a timestamp that is not ISO-8601',
      fixture: fixtures.created,
      mutation: {
        set: ['datasetGroup', 'creationDateTime'],
        value: 'yesterday',
      },
    },
    {
      case: 'Created with an epoch timestamp',
      fixture: fixtures.created,
      mutation: {
        set: ['datasetGroup', 'lastUpdatedDateTime'],
        value: 1748858649,
      },
    },
    {
      case: 'Created with alreadyExisted as a string',
      fixture: fixtures.created,
      mutation: { set: ['alreadyExisted'], value: 'false' },
    },
    {
      case: 'Created with an execution ARN that is not one',
      fixture: fixtures.created,
      mutation: { set: ['executionArn'], value: 'acme-prod' },
    },
    {
      case: 'Created with an empty correlationId',
      fixture: fixtures.created,
      mutation: { set: ['correlationId'], value: '' },
    },
    {
      case: 'Created whose request has an unknown field',
      fixture: fixtures.created,
      mutation: { set: ['request', 'owner'], value: 'data-team' },
    },
    {
      case: 'Created whose request has an invalid name',
      fixture: fixtures.created,
      mutation: { set: ['request', 'name'], value: '-acme' },
    },
    {
      case: 'Created whose request has an aws: tag',
      fixture: fixtures.created,
      mutation: { set: ['request', 'tags', 0, 'tagKey'], value: 'AWS:owner' },
    },
    {
      case: 'Created whose request has a tag without value',
      fixture: fixtures.created,
      mutation: { remove: ['request', 'tags', 0, 'tagValue'] },
    },
    {
      case: 'Created whose request has a KMS key but no role',
      fixture: fixtures.createdAdopted,
      mutation: { remove: ['request', 'roleArn'] },
    },
    {
      case: 'Created whose request has a role but no KMS key',
      fixture: fixtures.createdAdopted,
      mutation: { remove: ['request', 'kmsKeyArn'] },
    },
    {
      case: 'Started whose group has no name',
      fixture: fixtures.creationStarted,
      mutation: { remove: ['datasetGroup', 'name'] },
    },
    {
      case: 'Started whose group has an empty status',
      fixture: fixtures.creationStarted,
      mutation: { set: ['datasetGroup', 'status'], value: '' },
    },
    {
      case: 'Started whose request has no name',
      fixture: fixtures.creationStarted,
      mutation: { remove: ['request', 'name'] },
    },
    {
      case: 'Creation Failed with an empty error code',
      fixture: fixtures.rejectedRequest,
      mutation: { set: ['error', 'code'], value: '' },
    },
    {
      case: 'Creation Failed without an error message',
      fixture: fixtures.rejectedRequest,
      mutation: { remove: ['error', 'message'] },
    },
    {
      case: 'Creation Failed with an extra field in the error',
      fixture: fixtures.rejectedRequest,
      mutation: { set: ['error', 'cause'], value: 'stack trace' },
    },
    {
      case: 'Creation Failed with an extra field in the dataset group',
      fixture: fixtures.rejectedRequest,
      mutation: { set: ['datasetGroup', 'owner'], value: 'data-team' },
    },
    {
      case: 'Creation Failed with a numeric failure reason',
      fixture: fixtures.createFailed,
      mutation: { set: ['datasetGroup', 'failureReason'], value: 42 },
    },
    {
      case: 'Creation Failed with a null dataset group',
      fixture: fixtures.timedOut,
      mutation: { set: ['datasetGroup'], value: null },
    },
    {
      case: 'Deletion Started whose request has a create-only field',
      fixture: fixtures.deletionStarted,
      mutation: { set: ['request', 'domain'], value: 'ECOMMERCE' },
    },
    {
      case: 'Deleted whose request has no name',
      fixture: fixtures.deleted,
      mutation: { remove: ['request', 'name'] },
    },
    {
      case: 'Deletion Failed with an empty error code',
      fixture: fixtures.deletionFailed,
      mutation: { set: ['error', 'code'], value: '' },
    },
    {
      case: 'Create Requested with a 64-character name',
      fixture: fixtures.createRequested,
      mutation: { set: ['name'], value: 'a'.repeat(64) },
    },
    {
      case: 'Create Requested with 51 tags',
      fixture: fixtures.createRequested,
      mutation: {
        set: ['tags'],
        value: Array.from({ length: 51 }, (_, index) => ({
          tagKey: `k${index}`,
          tagValue: '',
        })),
      },
    },
    {
      case: 'Create Requested with a role but no KMS key',
      fixture: fixtures.createRequested,
      mutation: {
        set: ['roleArn'],
        value: 'arn:aws:iam::123456789012:role/personalize',
      },
    },
    {
      case: 'Delete Requested with a space in the name',
      fixture: fixtures.deleteRequested,
      mutation: { set: ['name'], value: 'acme staging' },
    },
    {
      case: 'Delete Requested with an unknown field',
      fixture: fixtures.deleteRequested,
      mutation: { set: ['force'], value: true },
    },
  ])('reject $case', ({ fixture, mutation }) => {
    // Prepare
    const event = mutated(fixture, mutation);

    // Act
    const result = verdicts(event['detail-type'], event.detail);

    // Assess
    expect(result).toEqual(rejected);
  });

  it.each<{ case: string; fixture: string; mutation: Mutation }>([
    {
      case: 'Started for an adopted group that is already ACTIVE',
      fixture: fixtures.creationStarted,
      mutation: { set: ['datasetGroup', 'status'], value: 'ACTIVE' },
    },
    {
      case: 'Started for a group known by name only',
      fixture: fixtures.creationStarted,
      mutation: { set: ['datasetGroup'], value: { name: 'acme-prod' } },
    },
    {
      case: 'Created with a timestamp that has an offset',
      fixture: fixtures.created,
      mutation: {
        set: ['datasetGroup', 'creationDateTime'],
        value: '2025-06-02T12:03:01.417+02:00',
      },
    },
    {
      case: 'Creation Failed whose raw request is not an object',
      fixture: fixtures.rejectedRequest,
      mutation: { set: ['request'], value: 'create acme please' },
    },
    {
      case: 'Creation Failed whose raw request is null',
      fixture: fixtures.rejectedRequest,
      mutation: { set: ['request'], value: null },
    },
    {
      case: 'Creation Failed with an empty error message',
      fixture: fixtures.timedOut,
      mutation: { set: ['error', 'message'], value: '' },
    },
    {
      case: 'Create Requested with tag keys in other scripts',
      fixture: fixtures.createRequested,
      mutation: {
        set: ['tags'],
        value: [
          { tagKey: 'チーム', tagValue: 'データ' },
          { tagKey: 'Équipe', tagValue: 'ventes + marketing' },
        ],
      },
    },
  ])('accept $case', ({ fixture, mutation }) => {
    // Prepare
    const event = mutated(fixture, mutation);

    // Act
    const result = verdicts(event['detail-type'], event.detail);

    // Assess
    expect(result).toEqual(accepted);
  });

  it('leave duplicate tag keys to zod, since JSON Schema cannot state the rule', () => {
    // Prepare
    const event = mutated(fixtures.createRequested, {
      set: ['tags'],
      value: [
        { tagKey: 'team', tagValue: 'a' },
        { tagKey: 'team', tagValue: 'b' },
      ],
    });

    // Act
    const result = verdicts(event['detail-type'], event.detail);

    // Assess
    expect(result).toEqual({ zod: false, jsonSchema: true });
  });

  it('accept every DatasetGroup the domain converts from the SDK', () => {
    // Prepare
    const sdkGroup = {
      name: 'acme',
      datasetGroupArn:
        'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
      status: 'CREATE FAILED',
      domain: 'VIDEO_ON_DEMAND' as const,
      roleArn: 'arn:aws:iam::123456789012:role/personalize',
      kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
      creationDateTime: new Date('2025-06-02T10:03:01.417Z'),
      lastUpdatedDateTime: new Date('2025-06-02T10:04:09.882Z'),
      failureReason: 'KMS key not accessible',
    };

    // Act
    const datasetGroup: PublishedDatasetGroup = toDatasetGroup(sdkGroup, 'x');

    // Assess
    expect(datasetGroupSchema.parse(datasetGroup)).toEqual(datasetGroup);
    expect(partialDatasetGroupSchema.parse({})).toEqual({});
  });

  it('type the details the state machine builds from the domain types', () => {
    // Prepare: these assignments are the test; tsc fails if types drift.
    const datasetGroup: DatasetGroup = { name: 'acme', status: 'ACTIVE' };
    const request: DatasetGroupRequest = { name: 'acme' };
    const error: WorkflowError = { code: 'X', message: 'y' };
    const executionArn =
      'arn:aws:states:us-east-1:123456789012:execution:create-dataset-group:e';

    // Act
    const started: DatasetGroupCreationStartedDetail = {
      datasetGroup,
      request,
      executionArn,
      correlationId: 'e',
      alreadyExisted: false,
    };
    const created: DatasetGroupCreatedDetail = {
      ...started,
      datasetGroup: {
        ...datasetGroup,
        datasetGroupArn:
          'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
        status: 'ACTIVE',
      },
    };
    const failed: DatasetGroupCreationFailedDetail = {
      datasetGroup: {},
      request: 42,
      executionArn,
      correlationId: 'e',
      error: error satisfies WorkflowErrorDetail,
    };

    // Assess
    expect(verdicts(detailTypes.creationStarted, started)).toEqual(accepted);
    expect(verdicts(detailTypes.created, created)).toEqual(accepted);
    expect(verdicts(detailTypes.creationFailed, failed)).toEqual(accepted);
  });
});
