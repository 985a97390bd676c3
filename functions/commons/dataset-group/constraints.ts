/**
 * Constraints of the Personalize DatasetGroup type and CreateDatasetGroup
 * request, as published in the service model (see
 * shared/reference/personalize-dataset-group-api.md §2.1, §3, §9).
 * Shared by the request schema and the local Personalize emulator, so the
 * workflow and the emulator cannot disagree on a rule.
 */
export const nameMaxLength = 63;
export const namePattern = /^[a-zA-Z0-9][a-zA-Z0-9\-_]*$/;

export const domains = ['ECOMMERCE', 'VIDEO_ON_DEMAND'] as const;
export type Domain = (typeof domains)[number];

export const kmsKeyArnMaxLength = 2048;
export const kmsKeyArnPattern = /^arn:aws.*:kms:.*:[0-9]{12}:key\/.*/;

export const roleArnMaxLength = 256;
export const roleArnPattern =
  /^arn:([a-z\d-]+):iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;

export const datasetGroupArnMaxLength = 256;
export const datasetGroupArnPattern = /^arn:([a-z\d-]+):personalize:.*:.*:.+$/;

export const tagKeyMaxLength = 128;
export const tagValueMaxLength = 256;
export const tagPattern = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const reservedTagKeyPrefix = 'aws:';
/** Tags a resource may carry (user tags; `aws:` tags do not count). */
export const maxTagsPerResource = 50;
/** Items the service model allows in one `tags` list. */
export const maxTagsPerRequest = 200;

export const correlationIdMaxLength = 256;
