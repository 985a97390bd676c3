import type { ChildResource } from './child-resources.ts';
import type { TeardownAction } from './teardown-plan.ts';

/** What came of asking Personalize to delete (or stop) a child. */
export type ActionResult =
  /** Accepted: the child is being deleted (or stopped). */
  | 'requested'
  /** ResourceNotFoundException: it is gone already. */
  | 'gone'
  /** ResourceInUseException: not yet; the next round tries again. */
  | 'in-use'
  /** Rate-limited beyond the SDK's retries: the next round tries again. */
  | 'throttled';

/** The Personalize calls of a teardown (an SDK adapter in clients/). */
export interface GroupChildrenApi {
  /** Everything the group holds now. */
  listChildren(datasetGroupArn: string): Promise<ChildResource[]>;
  /** The schema a dataset uses (DescribeDataset); undefined once it is gone. */
  schemaArnOf(datasetArn: string): Promise<string | undefined>;
  act(action: TeardownAction): Promise<ActionResult>;
  /** DeleteSchema (synchronous: no status). */
  deleteSchema(schemaArn: string): Promise<ActionResult>;
}
