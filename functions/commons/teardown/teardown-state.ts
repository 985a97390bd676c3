import type { WorkflowError } from '../dataset-group/creation-progress.ts';
import type { ChildKind, ChildResource } from './child-resources.ts';

/** A child as the events list it. */
export interface ChildReference {
  kind: ChildKind;
  name: string;
  arn: string;
}

/** Where a teardown is: the delete workflow's `$.teardown`. */
export interface TeardownState {
  /** NONE: no cascade (or nothing to tear down); DONE: the group is empty. */
  outcome: 'NONE' | 'IN_PROGRESS' | 'DONE' | 'FAILED';
  /** Everything the group held when the teardown first looked. */
  inventory: ChildReference[];
  /** What is gone since. */
  deleted: ChildReference[];
  /** What is still there, with why it waits. */
  remaining: Array<ChildReference & { status?: string; reason?: string }>;
  /** Schemas the datasets used, kept (not asked, or used elsewhere). */
  keptSchemas: ChildReference[];
  /** ARNs whose deletion (or stop) Personalize accepted. */
  requested: string[];
  /** Delete the schemas the datasets used, where no other dataset does. */
  deleteSchemas: boolean;
  /** The schemas the group's datasets used (seen before they went). */
  schemaArns: string[];
  attempt: number;
  elapsedSeconds: number;
  waitSeconds: number;
  error?: WorkflowError;
}

export const referenceOf = (child: ChildResource): ChildReference => ({
  kind: child.kind,
  name: child.name,
  arn: child.arn,
});

/** The state before any teardown: the delete without cascade has this. */
export const noTeardown = (deleteSchemas = false): TeardownState => ({
  outcome: 'NONE',
  inventory: [],
  deleted: [],
  remaining: [],
  keptSchemas: [],
  requested: [],
  deleteSchemas,
  schemaArns: [],
  attempt: 0,
  elapsedSeconds: 0,
  waitSeconds: 0,
});
