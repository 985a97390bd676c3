import type * as z from 'zod/mini';
import {
  type FieldIssue,
  fieldNameOf,
  InvalidDatasetGroupRequestError,
} from '../errors.ts';
import {
  type DatasetGroupDeleteRequest,
  datasetGroupDeleteRequestSchema,
} from './delete-request-schema.ts';
import {
  type DatasetGroupRequest,
  datasetGroupRequestSchema,
} from './request-schema.ts';

/**
 * Flattens zod issues into one `{field, message}` per broken rule; an
 * issue of the input as a whole is named `whole`.
 */
export const toFieldIssues = (
  error: z.core.$ZodError,
  whole = '(request)',
): FieldIssue[] =>
  error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldNameOf([...issue.path, key], whole),
        message: 'is not a known field',
      }));
    }
    return [{ field: fieldNameOf(issue.path, whole), message: issue.message }];
  });

/**
 * `input` as `schema` has it, or the error `toError` makes of its issues
 * (`whole` names the input itself in them).
 */
export const parseOrThrow = <Output>(
  schema: z.ZodMiniType<Output>,
  input: unknown,
  toError: (issues: FieldIssue[]) => Error,
  whole = '(request)',
): Output => {
  const result = schema.safeParse(input);
  if (!result.success) throw toError(toFieldIssues(result.error, whole));
  return result.data;
};

const invalidRequest = (issues: FieldIssue[]) =>
  new InvalidDatasetGroupRequestError(issues);

/** Validated request, or InvalidDatasetGroupRequestError naming each field. */
export const validateDatasetGroupRequest = (
  input: unknown,
): DatasetGroupRequest =>
  parseOrThrow(datasetGroupRequestSchema, input, invalidRequest);

/** Validated delete request, or InvalidDatasetGroupRequestError. */
export const validateDeleteRequest = (
  input: unknown,
): DatasetGroupDeleteRequest =>
  parseOrThrow(datasetGroupDeleteRequestSchema, input, invalidRequest);
