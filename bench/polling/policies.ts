import type { Context } from 'aws-lambda';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import type { LocalEventBus } from '#local/runtime/event-bus.ts';
import {
  createDatasetGroupDefinitionPath,
  loadStateMachineDefinition,
} from '#local/runtime/state-machine-definition.ts';
import { peerHandlers } from './peer-handlers.ts';
import type { PolicyDefinition } from './run-policy.ts';
import type { VirtualClock } from './virtual-clock.ts';

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const functionArn = (name: string) =>
  `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

const peerDefinition = (file: string): StateMachineDefinition =>
  loadStateMachineDefinition(new URL(`./peers/${file}`, import.meta.url), {
    CreateFunctionArn: functionArn('peer-create'),
    DescribeFunctionArn: functionArn('peer-describe'),
    WaitForActiveFunctionArn: functionArn('peer-wait-for-active'),
  });

/** When a policy first saw ACTIVE, per run. */
const detection = (clock: VirtualClock) => {
  let at: number | undefined;
  return {
    reset: () => {
      at = undefined;
    },
    see: (status: string) => {
      if (status === 'ACTIVE' && at === undefined) at = clock.now();
    },
    at: () => at,
  };
};

/** Our workflow: the real ASL and the real handlers. */
export const ourPolicy = (
  clock: VirtualClock,
  bus: LocalEventBus,
  handlers: { create: LambdaHandler; describe: LambdaHandler },
): PolicyDefinition => {
  const detected = detection(clock);
  bus.subscribe((event) => {
    if (event['detail-type'] === 'Dataset Group Created')
      detected.see('ACTIVE');
  });
  return {
    id: 'this-project',
    description:
      "this project: waits of max(2 s, 10% of elapsed); those under 15 s slept in-Lambda, longer ones as the task's Retry",
    definition: loadStateMachineDefinition(createDatasetGroupDefinitionPath, {
      CreateDatasetGroupFunctionArn: functionArn('create-dataset-group'),
      DescribeDatasetGroupFunctionArn: functionArn('describe-dataset-group'),
      EventBusName: bus.name,
      EventSource: 'personalize.dataset-groups',
    }),
    lambdaTasks: {
      CreateDatasetGroup: handlers.create,
      DescribeDatasetGroup: handlers.describe,
    },
    publishStates: [
      'PublishCreationStarted',
      'PublishDatasetGroupCreated',
      'PublishCreationFailed',
    ],
    prepare: detected.reset,
    detectedAt: detected.at,
    input: (name) => ({ name }),
  };
};

const waitLoopPeer = (
  clock: VirtualClock,
  id: string,
  description: string,
  file: string,
): PolicyDefinition => {
  const detected = detection(clock);
  const handlers = peerHandlers(detected.see);
  return {
    id,
    description,
    definition: peerDefinition(file),
    lambdaTasks: {
      CreateDatasetGroup: handlers.create,
      DescribeDatasetGroup: handlers.describe,
    },
    prepare: detected.reset,
    detectedAt: detected.at,
    input: (name) => ({ name }),
  };
};

/**
 * A peer whose Retry block is its poll loop: its status check throws until
 * the group is ACTIVE, and the run's Retry bookkeeping moves the virtual
 * clock by each retry's wait (no jitter in these peers).
 */
const retryPeer = (
  clock: VirtualClock,
  id: string,
  description: string,
  file: string,
): PolicyDefinition => {
  const detected = detection(clock);
  const handlers = peerHandlers(detected.see);
  return {
    id,
    description,
    definition: peerDefinition(file),
    lambdaTasks: {
      CreateDatasetGroup: handlers.create,
      WaitForActive: handlers.waitForActive,
    },
    prepare: detected.reset,
    detectedAt: detected.at,
    input: (name) => ({ name }),
  };
};

export const peerPolicies = (clock: VirtualClock): PolicyDefinition[] => [
  waitLoopPeer(
    clock,
    'fixed-120s-loop',
    'aws-samples automate-mlops-personalize-cdk-pipeline: fixed 120 s Wait loop',
    'fixed-120s-loop.asl.json',
  ),
  retryPeer(
    clock,
    'retry-5s-x1.02-30',
    'AWS Solution "Maintaining Personalized Experiences with ML": Retry-as-poll 5 s × 1.02, 30 attempts',
    'retry-5s-x1.02-30.asl.json',
  ),
  retryPeer(
    clock,
    'retry-2s-x1.5-100',
    'amazon-personalize-samples ml_ops: Retry-as-poll 2 s × 1.5, 100 attempts',
    'retry-2s-x1.5-100.asl.json',
  ),
  waitLoopPeer(
    clock,
    'fixed-60s-loop',
    'haandol personalize-pipeline: fixed 60 s Wait loop',
    'fixed-60s-loop.asl.json',
  ),
];
