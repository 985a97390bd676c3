import type { Domain } from '../dataset-group/constraints.ts';
import type { DatasetType } from './dataset-types.ts';

/** The Avro type a required field must have (a plain type, no union). */
export type RequiredFieldType = 'string' | 'long' | 'float';

export interface RequiredField {
  name: string;
  type: RequiredFieldType;
  /** The field must say `"categorical": true`. */
  categorical?: boolean;
}

/**
 * The fields every schema of a type must declare, from the Personalize
 * developer guide's schema pages (reference/personalize-operations.md
 * lists the required fields of Interactions, Items and Users; Actions and
 * Action_Interactions, and the types, are the guide's).
 */
export const requiredFieldsOfType: Readonly<
  Record<DatasetType, readonly RequiredField[]>
> = {
  Interactions: [
    { name: 'USER_ID', type: 'string' },
    { name: 'ITEM_ID', type: 'string' },
    { name: 'TIMESTAMP', type: 'long' },
  ],
  Items: [{ name: 'ITEM_ID', type: 'string' }],
  Users: [{ name: 'USER_ID', type: 'string' }],
  Actions: [{ name: 'ACTION_ID', type: 'string' }],
  Action_Interactions: [
    { name: 'USER_ID', type: 'string' },
    { name: 'ACTION_ID', type: 'string' },
    { name: 'TIMESTAMP', type: 'long' },
    { name: 'EVENT_TYPE', type: 'string' },
  ],
};

/**
 * The fields a domain adds to its types' schemas (developer guide, domain
 * dataset schemas: inferred, not verified against the service).
 */
export const requiredFieldsOfDomain: Readonly<
  Record<Domain, Partial<Record<DatasetType, readonly RequiredField[]>>>
> = {
  ECOMMERCE: {
    Interactions: [{ name: 'EVENT_TYPE', type: 'string' }],
    Items: [
      { name: 'PRICE', type: 'float' },
      { name: 'CATEGORY_L1', type: 'string', categorical: true },
    ],
  },
  VIDEO_ON_DEMAND: {
    Interactions: [{ name: 'EVENT_TYPE', type: 'string' }],
    Items: [{ name: 'GENRES', type: 'string', categorical: true }],
  },
};

/** Every field a schema of `datasetType` must declare in a group of `domain`. */
export const requiredFieldsOf = (
  datasetType: DatasetType,
  domain: Domain | undefined,
): readonly RequiredField[] => [
  ...requiredFieldsOfType[datasetType],
  ...(domain === undefined
    ? []
    : (requiredFieldsOfDomain[domain][datasetType] ?? [])),
];

/** CreateSchema's `schema`: at most this many characters (service model). */
export const avroSchemaMaxLength = 20_000;
/** Schemas per account and region (adjustable quota). */
export const schemaQuota = 500;
/** Dataset import jobs pending or in progress per account and region. */
export const pendingImportJobQuota = 5;
