import type { Domain } from '../dataset-group/constraints.ts';
import { parseOrThrow } from '../dataset-group/validate-request.ts';
import { type FieldIssue, InvalidDatasetsRequestError } from '../errors.ts';
import { datasetDeclarationIssues } from './declaration-issues.ts';
import {
  type DatasetsRequest,
  datasetsRequestSchema,
} from './request-schema.ts';

const invalidRequest = (issues: FieldIssue[]) =>
  new InvalidDatasetsRequestError(issues);

/**
 * The create-datasets workflow input, validated with every rule that does
 * not need the group's domain, or InvalidDatasetsRequestError naming each
 * field (`datasets[0].schema.definition`, …).
 */
export const validateDatasetsRequest = (input: unknown): DatasetsRequest =>
  parseOrThrow(datasetsRequestSchema, input, invalidRequest);

/**
 * The rules of the group's domain, once the workflow knows it: a domain
 * group takes only Interactions, Items and Users, and their definitions
 * need the domain's fields too. Returns the request, or throws
 * InvalidDatasetsRequestError. A custom group (undefined) adds no rule.
 */
export const validateDatasetsForGroup = (
  request: DatasetsRequest,
  domain: Domain | undefined,
): DatasetsRequest => {
  const issues = datasetDeclarationIssues(request.datasets, {
    groupName: request.name,
    domain,
  });
  if (issues.length > 0) throw invalidRequest(issues);
  return request;
};
