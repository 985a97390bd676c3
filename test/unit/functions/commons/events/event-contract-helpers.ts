import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajv2020 from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import * as z from 'zod';
import { eventSchemaDirectory } from '#commons/events/json-schema.ts';
import type { EventContract } from '#commons/events/registry.ts';

export const repositoryRoot = join(import.meta.dirname, '../../../../..');
const fixturesRoot = join(repositoryRoot, 'test/fixtures/events');

/** An event as EventBridge delivers it to targets. */
const eventBridgeEventSchema = z.strictObject({
  version: z.literal('0'),
  id: z.string().min(1),
  'detail-type': z.string().min(1),
  source: z.string().min(1),
  account: z.string().regex(/^\d{12}$/),
  time: z.iso.datetime(),
  region: z.string().min(1),
  resources: z.array(z.string()),
  detail: z.unknown(),
});
export type TestEvent = z.infer<typeof eventBridgeEventSchema>;

/** Fixture paths under test/fixtures/events, e.g. `<source>/<variant>.json`. */
export const testEventPaths = (): string[] =>
  readdirSync(fixturesRoot, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.json'))
    .sort();

/** A fresh copy of a fixture event, safe to mutate. */
export const getTestEvent = (path: string): TestEvent =>
  eventBridgeEventSchema.parse(
    structuredClone(JSON.parse(readFileSync(join(fixturesRoot, path), 'utf8'))),
  );

const ajv = new ajv2020.default({ allErrors: true, strict: true });
ajvFormats.default(ajv);

/** The committed JSON Schema file of a contract, as published. */
export const readCommittedJsonSchema = (
  contract: EventContract,
): Record<string, unknown> =>
  JSON.parse(
    readFileSync(
      join(repositoryRoot, eventSchemaDirectory, contract.fileName),
      'utf8',
    ),
  );

type Validate = (detail: unknown) => boolean;
const compiled = new Map<string, Validate>();

/** Validates with the committed JSON Schema file, compiled once by ajv. */
export const jsonSchemaAccepts = (
  contract: EventContract,
  detail: unknown,
): boolean => {
  let validate = compiled.get(contract.fileName);
  if (validate === undefined) {
    // Synchronous: the schemas use no $async.
    validate = ajv.compile<unknown>(readCommittedJsonSchema(contract));
    compiled.set(contract.fileName, validate);
  }
  return validate(detail);
};

/** Validates with the contract's zod schema. */
export const zodAccepts = (contract: EventContract, detail: unknown): boolean =>
  z.safeParse(contract.schema, detail).success;

type PathSegment = string | number;

const containerAt = (
  root: unknown,
  path: readonly PathSegment[],
): Record<PathSegment, unknown> => {
  const container = path.reduce<unknown>(
    (node, segment) => (node as Record<PathSegment, unknown>)[segment],
    root,
  );
  if (container === null || typeof container !== 'object') {
    throw new TypeError(`No object at ${path.join('.')}`);
  }
  return container as Record<PathSegment, unknown>;
};

/** Sets the value at a path of a JSON document (the last segment may be new). */
export const setAt = (
  root: unknown,
  path: readonly PathSegment[],
  value: unknown,
): void => {
  const key = path.at(-1);
  if (key === undefined) throw new TypeError('Empty path');
  containerAt(root, path.slice(0, -1))[key] = value;
};

/** Removes the member at a path of a JSON document. */
export const removeAt = (root: unknown, path: readonly PathSegment[]): void => {
  const key = path.at(-1);
  if (key === undefined) throw new TypeError('Empty path');
  const container = containerAt(root, path.slice(0, -1));
  if (!(key in container)) {
    throw new TypeError(`Nothing to remove at ${path.join('.')}`);
  }
  delete container[key];
};
