import { datasetTypes } from './dataset-types.ts';

/**
 * Constraints of the Personalize schema, dataset and import-job operations
 * (shared/reference/personalize-operations.md), and the rules this project
 * adds to them. Shared by the declaration schemas and the local emulator.
 */

/** One dataset of each type at most: the most a request declares. */
export const maxDatasetsPerRequest = datasetTypes.length;

/** `^(?:[iI][nN]…|…)$`: a dataset type in any case (JSON Schema has no `i` flag). */
export const datasetTypePattern = new RegExp(
  `^(?:${datasetTypes
    .map((type) =>
      [...type]
        .map((character) =>
          character.toLowerCase() === character.toUpperCase()
            ? character
            : `[${character.toLowerCase()}${character.toUpperCase()}]`,
        )
        .join(''),
    )
    .join('|')})$`,
);

/** Every Personalize ARN (the service model's `Arn`). */
export const personalizeArnMaxLength = 256;
export const personalizeArnPattern = /^arn:([a-z\d-]+):personalize:.*:.*:.+$/;
/** A schema's ARN: `arn:<partition>:personalize:<region>:<account>:schema/<name>`. */
export const schemaArnPattern =
  /^arn:([a-z\d-]+):personalize:[^:]*:[^:]*:schema\/.+$/;

/** The service model's `S3Location`. */
export const dataLocationMaxLength = 256;
export const serviceDataLocationPattern = /^(s3|http|https):\/\/.+/;
/** What a declaration takes: an S3 location (imports read from S3). */
export const dataLocationPattern = /^s3:\/\/.+/;

export const importModes = ['FULL', 'INCREMENTAL'] as const;
export type ImportMode = (typeof importModes)[number];
/** The service's default when CreateDatasetImportJob has no `importMode`. */
export const defaultImportMode: ImportMode = 'FULL';
