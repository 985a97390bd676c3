import { InvalidArnError } from './step-functions-error.ts';

const stateMachineArnPattern =
  /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[^:\s]+$/;
const executionArnPattern =
  /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:execution:[^:\s]+:[^:\s]+$/;

/** Throws InvalidArn unless `arn` has the form of a state machine ARN. */
export const assertStateMachineArn = (arn: string): void => {
  if (!stateMachineArnPattern.test(arn)) {
    throw new InvalidArnError(arn, 'stateMachine');
  }
};

/** Throws InvalidArn unless `arn` has the form of an execution ARN. */
export const assertExecutionArn = (arn: string): void => {
  if (!executionArnPattern.test(arn)) {
    throw new InvalidArnError(arn, 'execution');
  }
};

/** The execution ARN a state machine gives an execution of that name. */
export const executionArnOf = (stateMachineArn: string, name: string) =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/** The role the local runner puts in the context of every execution. */
export const roleArnOf = (stateMachineArn: string): string => {
  const [, partition, , , account, , name] = stateMachineArn.split(':');
  return `arn:${partition}:iam::${account}:role/${name}`;
};
