import type { Domain } from '#commons/dataset-group/constraints.ts';
import type { Clock } from './clock.ts';
import type { RecordPersistence, StoredSchema } from './dataset-persistence.ts';
import type { DeletionLogEntry } from './deletion-log.ts';
import {
  limitExceeded,
  resourceAlreadyExists,
  resourceInUse,
  resourceNotFound,
} from './emulator-error.ts';
import { pageOf } from './list-page.ts';
import type { ListDatasetGroupsInput } from './parse-requests.ts';
import type { CreateSchemaInput } from './parse-schema-requests.ts';
import { assertQuota } from './quota-option.ts';
import { schemaArnOf } from './resource-arns.ts';

/** A schema: no status, usable as soon as CreateSchema answers. */
export interface EmulatedSchemaView {
  name: string;
  schemaArn: string;
  region: string;
  /** The Avro record schema, as it was given. */
  schema: string;
  domain?: Domain;
  creationDateTime: Date;
  lastUpdatedDateTime: Date;
}

export interface SchemaStoreOptions {
  clock: Clock;
  accountId: string;
  /** Schemas per account and region. */
  quota: number;
  /** The ARN of a dataset that uses the schema, if one does. */
  usedBy: (schemaArn: string) => string | undefined;
  persistence?: RecordPersistence<StoredSchema>;
  /** Told of each schema as it is deleted (at once: it has no status). */
  onGone?: (entry: DeletionLogEntry) => void;
}

/**
 * The schemas of one account, per region (not owned by a group): created,
 * described, listed, and deleted once no dataset uses them.
 */
export class SchemaStore {
  readonly #options: SchemaStoreOptions;
  readonly #records = new Map<string, StoredSchema>();
  #nextSequence = 0;

  constructor(options: SchemaStoreOptions) {
    assertQuota(options.quota, 'schemaQuota');
    this.#options = options;
    for (const stored of options.persistence?.load() ?? []) {
      this.#records.set(stored.schemaArn, stored);
      this.#nextSequence = Math.max(this.#nextSequence, stored.sequence + 1);
    }
  }

  create(region: string, input: CreateSchemaInput): { schemaArn: string } {
    const schemaArn = schemaArnOf(region, this.#options.accountId, input.name);
    if (this.#records.has(schemaArn)) {
      throw resourceAlreadyExists(
        `Schema with name ${input.name} already exists`,
      );
    }
    const inRegion = this.#inRegion(region).length;
    if (inRegion >= this.#options.quota) {
      throw limitExceeded(
        `You have reached the maximum number of ${this.#options.quota} schemas in ${region}; delete schemas no dataset uses`,
      );
    }
    const record: StoredSchema = {
      sequence: this.#nextSequence++,
      region,
      schemaArn,
      name: input.name,
      schema: input.schema,
      ...(input.domain !== undefined && { domain: input.domain }),
      createdAtMs: this.#options.clock.now(),
    };
    this.#records.set(schemaArn, record);
    this.#options.persistence?.save(record);
    return { schemaArn };
  }

  describe(schemaArn: string): EmulatedSchemaView {
    return this.#view(this.#find(schemaArn));
  }

  list(
    region: string,
    input: ListDatasetGroupsInput,
  ): { schemas: EmulatedSchemaView[]; nextToken?: string } {
    const { page, nextToken } = pageOf(
      this.#inRegion(region),
      input,
      `schemas ${region}`,
    );
    return {
      schemas: page.map((record) => this.#view(record)),
      ...(nextToken !== undefined && { nextToken }),
    };
  }

  delete(schemaArn: string): void {
    const record = this.#find(schemaArn);
    const datasetArn = this.#options.usedBy(schemaArn);
    if (datasetArn !== undefined) {
      throw resourceInUse(
        `Schema ${schemaArn} is used by dataset ${datasetArn}; delete the datasets that use it first`,
      );
    }
    this.#records.delete(schemaArn);
    this.#options.persistence?.remove(schemaArn);
    this.#options.onGone?.({
      kind: 'schema',
      arn: schemaArn,
      name: record.name,
      goneAt: this.#options.clock.now(),
    });
  }

  /** Every schema, oldest first. */
  views(): EmulatedSchemaView[] {
    return [...this.#records.values()].map((record) => this.#view(record));
  }

  clear(): void {
    this.#records.clear();
    this.#options.persistence?.clear();
  }

  #inRegion(region: string): StoredSchema[] {
    return [...this.#records.values()].filter(
      (record) => record.region === region,
    );
  }

  #find(schemaArn: string): StoredSchema {
    const record = this.#records.get(schemaArn);
    if (record === undefined) {
      throw resourceNotFound(`Could not find resource ${schemaArn}`);
    }
    return record;
  }

  #view(record: StoredSchema): EmulatedSchemaView {
    return {
      name: record.name,
      schemaArn: record.schemaArn,
      region: record.region,
      schema: record.schema,
      ...(record.domain !== undefined && { domain: record.domain }),
      creationDateTime: new Date(record.createdAtMs),
      lastUpdatedDateTime: new Date(record.createdAtMs),
    };
  }
}
