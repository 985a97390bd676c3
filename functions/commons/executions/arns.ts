/** Parts of a state machine ARN: arn:partition:states:region:account:stateMachine:name */
const stateMachineArnPattern =
  /^arn:([a-z\d-]+):states:([a-z\d-]+):(\d{12}):stateMachine:([A-Za-z0-9_-]+)$/;

export interface StateMachineArnParts {
  partition: string;
  region: string;
  account: string;
  name: string;
}

export const parseStateMachineArn = (arn: string): StateMachineArnParts => {
  const match = stateMachineArnPattern.exec(arn);
  if (match === null) {
    throw new RangeError(`${arn} is not a state machine ARN`);
  }
  const [, partition = '', region = '', account = '', name = ''] = match;
  return { partition, region, account, name };
};

/** The ARN an execution of that name has (or would have). */
export const executionArnOf = (
  stateMachineArn: string,
  name: string,
): string => {
  const parts = parseStateMachineArn(stateMachineArn);
  return `arn:${parts.partition}:states:${parts.region}:${parts.account}:execution:${parts.name}:${name}`;
};

/** The dataset group a request names, in the state machine's account and region. */
export const datasetGroupArnOf = (
  stateMachineArn: string,
  datasetGroupName: string,
): string => {
  const parts = parseStateMachineArn(stateMachineArn);
  return `arn:${parts.partition}:personalize:${parts.region}:${parts.account}:dataset-group/${datasetGroupName}`;
};
