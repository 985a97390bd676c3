import * as z from 'zod';
import { reservedTagKeyPrefix } from '../dataset-group/constraints.ts';
import {
  datasetGroupRequestSchema,
  tagSchema,
} from '../dataset-group/request-schema.ts';
import { defaultEventSource } from './detail-types.ts';
import {
  type EventContract,
  eventContractList,
  kebabCaseOf,
} from './registry.ts';

/** Folder of the JSON Schema files, relative to the repository root. */
export const eventSchemaDirectory = 'schemas/events';

/** `$id` of a detail's JSON Schema: a URN naming the detail and version. */
export const eventSchemaIdOf = (contract: EventContract): string =>
  `urn:personalize-dataset-groups:events:${kebabCaseOf(
    contract.detailType,
  )}:${contract.version}`;

/** `^[aA][wW][sS]:`: the reserved prefix, in any case. */
const reservedPrefixPattern = `^${[...reservedTagKeyPrefix]
  .map((character) =>
    character.toLowerCase() === character.toUpperCase()
      ? character
      : `[${character.toLowerCase()}${character.toUpperCase()}]`,
  )
  .join('')}`;

type JsonSchemaNode = Record<string, unknown>;

/**
 * Rules zod checks in refinements, which z.toJSONSchema cannot see, stated
 * in JSON Schema where the language can. Unique tag keys cannot be: the
 * contract description says so.
 */
const addRefinementKeywords = (context: {
  zodSchema: unknown;
  jsonSchema: JsonSchemaNode;
}): void => {
  if (context.zodSchema === datasetGroupRequestSchema) {
    context.jsonSchema.dependentRequired = {
      kmsKeyArn: ['roleArn'],
      roleArn: ['kmsKeyArn'],
    };
  }
  if (context.zodSchema === tagSchema.shape.tagKey) {
    context.jsonSchema.not = { pattern: reservedPrefixPattern };
  }
};

/** Keys that name properties or definitions: their order is the author's. */
const nameMaps = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'dependentRequired',
]);
const leadingKeywords = [
  '$schema',
  '$id',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'dependentRequired',
  'items',
];

const keywordOrder = (left: string, right: string): number => {
  const leftRank = leadingKeywords.indexOf(left);
  const rightRank = leadingKeywords.indexOf(right);
  if (leftRank !== -1 || rightRank !== -1) {
    return (
      (leftRank === -1 ? Number.MAX_SAFE_INTEGER : leftRank) -
      (rightRank === -1 ? Number.MAX_SAFE_INTEGER : rightRank)
    );
  }
  return left < right ? -1 : left > right ? 1 : 0;
};

/**
 * Stable key order whatever order zod emits keywords in: leading keywords
 * first in a fixed order, the others sorted; property names keep declaration order.
 */
const normalized = (value: unknown, isNameMap = false): unknown => {
  if (Array.isArray(value)) return value.map((item) => normalized(item));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (!isNameMap) entries.sort(([left], [right]) => keywordOrder(left, right));
  return Object.fromEntries(
    entries.map(([key, child]) => [
      key,
      normalized(child, !isNameMap && nameMaps.has(key)),
    ]),
  );
};

const originOf = (contract: EventContract): string =>
  contract.direction === 'inbound'
    ? `The detail of the "${contract.detailType}" event a requester sends to the workflow's bus`
    : `The detail of the "${contract.detailType}" event the workflow publishes (source ${defaultEventSource} unless configured otherwise)`;

/** The JSON Schema (draft 2020-12) of one detail-type's `detail`. */
export const toEventJsonSchema = (contract: EventContract): JsonSchemaNode => {
  const generated = z.toJSONSchema(contract.schema, {
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    override: addRefinementKeywords,
  });
  return normalized({
    ...generated,
    $id: eventSchemaIdOf(contract),
    title: contract.detailType,
    description: `${originOf(contract)}, version ${contract.version}. ${contract.description}`,
  }) as JsonSchemaNode;
};

const lineWidth = 80;
const indentOf = (depth: number) => '  '.repeat(depth);

/**
 * JSON with 2-space indentation, laid out as Biome formats JSON (objects
 * expanded, an array of scalars on one line when it fits in 80 columns), so
 * `biome check --write` leaves the generated files as they are.
 */
const printJson = (
  value: unknown,
  depth: number,
  /** Columns taken before the value and after it (a comma). */
  around: number,
): string => {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  const inner = indentOf(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const scalars = value.every(
      (item) => item === null || typeof item !== 'object',
    );
    const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    if (scalars && around + inline.length <= lineWidth) return inline;
    const items = value.map(
      (item, index) =>
        `${inner}${printJson(item, depth + 1, inner.length + (index < value.length - 1 ? 1 : 0))}`,
    );
    return `[\n${items.join(',\n')}\n${indentOf(depth)}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const members = entries.map(([key, child], index) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    const comma = index < entries.length - 1 ? 1 : 0;
    return `${head}${printJson(child, depth + 1, head.length + comma)}`;
  });
  return `{\n${members.join(',\n')}\n${indentOf(depth)}}`;
};

/** File text: 2-space JSON (Biome's layout) and a final newline. */
export const renderJsonSchema = (schema: JsonSchemaNode): string =>
  `${printJson(schema, 0, 0)}\n`;

export interface EventJsonSchemaFile {
  /** File name inside eventSchemaDirectory. */
  fileName: string;
  content: string;
}

/** Every file the generator writes, in registry order. */
export const eventJsonSchemaFiles = (
  contracts: readonly EventContract[] = eventContractList,
): EventJsonSchemaFile[] =>
  contracts.map((contract) => ({
    fileName: contract.fileName,
    content: renderJsonSchema(toEventJsonSchema(contract)),
  }));
