import type {
  DescribeStateMachineForExecutionOutput,
  DescribeStateMachineOutput,
  StateMachineListItem,
} from '@aws-sdk/client-sfn';
import { assertStateMachineArn } from './arns.ts';
import { checkPageSize } from './execution-requests.ts';
import { decodePageToken, encodePageToken } from './page-token.ts';
import { StateMachineDoesNotExistError } from './step-functions-error.ts';

/** What the catalog needs to know of a state machine the stack runs. */
export interface ServedStateMachine {
  stateMachineArn: string;
  stateMachineName: string;
  /** The ASL text as deployed (placeholders substituted). */
  definition: string;
  roleArn: string;
}

export interface ListStateMachinesRequest {
  /** 0–1000; 0 or absent means 100. */
  maxResults?: number;
  nextToken?: string;
}

/**
 * The configuration a state machine of the local stack has, as
 * DescribeStateMachine shows it: nothing is logged to CloudWatch Logs,
 * nothing traced, the definition encrypted with an AWS owned key (the
 * service's default). The shapes, and the fields the service returns,
 * are those of the executions recorded on AWS in LocalStack's snapshot
 * tests (tests/aws/services/stepfunctions/v2/test_sfn_api.snapshot.json:
 * loggingConfiguration {level OFF, includeExecutionData false},
 * tracingConfiguration {enabled false}; assign/*.snapshot.json recorded in
 * November 2024 add encryptionConfiguration {type AWS_OWNED_KEY}).
 */
const localConfiguration = {
  loggingConfiguration: { level: 'OFF', includeExecutionData: false },
  tracingConfiguration: { enabled: false },
  encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
} as const;

type StateMachineDescription = DescribeStateMachineOutput & {
  stateMachineArn: string;
  name: string;
  definition: string;
  roleArn: string;
  creationDate: Date;
};

type StateMachineForExecution = DescribeStateMachineForExecutionOutput & {
  stateMachineArn: string;
  name: string;
  definition: string;
  roleArn: string;
  updateDate: Date;
};

const listingScope = 'stateMachines';

/**
 * The state machines the endpoint serves: fixed for the life of the
 * stack, STANDARD and ACTIVE, all created at `creationDate` (also their
 * updateDate: they are never updated). Listed in name order.
 */
export class StateMachineCatalog {
  readonly #stateMachines: readonly ServedStateMachine[];
  readonly #creationDate: Date;

  constructor(
    stateMachines: readonly ServedStateMachine[],
    creationDate: Date,
  ) {
    this.#stateMachines = [...stateMachines].sort((a, b) =>
      a.stateMachineName.localeCompare(b.stateMachineName),
    );
    this.#creationDate = new Date(creationDate.getTime());
  }

  get creationDate(): Date {
    return new Date(this.#creationDate.getTime());
  }

  /** ListStateMachines: one page, and a nextToken while more remain. */
  list(request: ListStateMachinesRequest = {}): {
    stateMachines: StateMachineListItem[];
    nextToken?: string;
  } {
    const pageSize = checkPageSize(request.maxResults);
    const start =
      request.nextToken === undefined
        ? 0
        : decodePageToken(request.nextToken, listingScope).after;
    const page = this.#stateMachines.slice(start, start + pageSize);
    const end = start + page.length;
    return {
      stateMachines: page.map((stateMachine) => ({
        stateMachineArn: stateMachine.stateMachineArn,
        name: stateMachine.stateMachineName,
        type: 'STANDARD',
        creationDate: this.creationDate,
      })),
      ...(end < this.#stateMachines.length && {
        nextToken: encodePageToken({ scope: listingScope, after: end }),
      }),
    };
  }

  /** DescribeStateMachine (InvalidArn, StateMachineDoesNotExist). */
  describe(stateMachineArn: string): StateMachineDescription {
    const stateMachine = this.#find(stateMachineArn);
    return {
      stateMachineArn: stateMachine.stateMachineArn,
      name: stateMachine.stateMachineName,
      status: 'ACTIVE',
      definition: stateMachine.definition,
      roleArn: stateMachine.roleArn,
      type: 'STANDARD',
      creationDate: this.creationDate,
      ...structuredClone(localConfiguration),
    };
  }

  /**
   * DescribeStateMachineForExecution, given the state machine the
   * execution ran on: the definition it ran (these never change).
   */
  describeForExecution(stateMachineArn: string): StateMachineForExecution {
    const stateMachine = this.#find(stateMachineArn);
    return {
      stateMachineArn: stateMachine.stateMachineArn,
      name: stateMachine.stateMachineName,
      definition: stateMachine.definition,
      roleArn: stateMachine.roleArn,
      updateDate: this.creationDate,
      ...structuredClone(localConfiguration),
    };
  }

  #find(stateMachineArn: string): ServedStateMachine {
    assertStateMachineArn(stateMachineArn);
    const found = this.#stateMachines.find(
      (stateMachine) => stateMachine.stateMachineArn === stateMachineArn,
    );
    if (found === undefined) {
      throw new StateMachineDoesNotExistError(stateMachineArn);
    }
    return found;
  }
}
