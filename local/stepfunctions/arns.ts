import { InvalidArnError } from './step-functions-error.ts';

/** `arn:<partition>:states:<region>:<account>:<resource type>:<rest>` */
const statesArn =
  /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:(?<type>[A-Za-z]+):(?<rest>.*)$/;
const restPatterns = {
  stateMachine: /^[^:\s]+$/,
  execution: /^[^:\s]+:[^:\s]+$/,
} as const;

/**
 * Throws InvalidArn unless `arn` is a Step Functions ARN of resource type
 * `expected` with a well-formed resource part. The reasons are the
 * service's: "Invalid ARN prefix: <arn>" for what is not a Step Functions
 * ARN of this partition, region and account shape, and "Resource type not
 * valid in this context: <type>" for another resource type (both recorded
 * on AWS: LocalStack tests/aws/services/stepfunctions/v2/
 * test_sfn_api.snapshot.json, test_describe_invalid_arn_sm and
 * test_sfn_api_express.snapshot.json). A malformed resource part is
 * answered with the latter naming the expected type (inferred).
 */
const assertArnOf = (
  arn: string,
  expected: keyof typeof restPatterns,
): void => {
  const parts = statesArn.exec(arn)?.groups;
  if (parts?.type === undefined || parts.rest === undefined) {
    throw new InvalidArnError(`Invalid ARN prefix: ${arn}`);
  }
  if (parts.type !== expected) {
    throw new InvalidArnError(
      `Resource type not valid in this context: ${parts.type}`,
    );
  }
  if (!restPatterns[expected].test(parts.rest)) {
    throw new InvalidArnError(
      `Resource type not valid in this context: ${expected}`,
    );
  }
};

/** Throws InvalidArn unless `arn` has the form of a state machine ARN. */
export const assertStateMachineArn = (arn: string): void =>
  assertArnOf(arn, 'stateMachine');

/** Throws InvalidArn unless `arn` has the form of an execution ARN. */
export const assertExecutionArn = (arn: string): void =>
  assertArnOf(arn, 'execution');

/** The execution ARN a state machine gives an execution of that name. */
export const executionArnOf = (stateMachineArn: string, name: string) =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/** The role the local runner puts in the context of every execution. */
export const roleArnOf = (stateMachineArn: string): string => {
  const [, partition, , , account, , name] = stateMachineArn.split(':');
  return `arn:${partition}:iam::${account}:role/${name}`;
};
