import type { LocalStackOptions } from '#local/runtime/local-stack.ts';

export interface Scenario {
  description: string;
  stack: LocalStackOptions;
}

export const scenarioNames = [
  'happy',
  'create-failed',
  'throttled',
  'throttling-exception',
  'slow',
  'never-active',
] as const;

export type ScenarioName = (typeof scenarioNames)[number];

/** The emulated service's behaviour for each `npm start -- --scenario`. */
export const scenarios: Record<ScenarioName, Scenario> = {
  happy: {
    description:
      'the group passes CREATE PENDING and CREATE IN_PROGRESS, then turns ACTIVE',
    stack: {},
  },
  'create-failed': {
    description: 'the group ends CREATE FAILED with a failure reason',
    stack: {
      emulator: {
        faults: {
          createFailed: {
            failureReason:
              'Emulated failure: the KMS key could not be used by the role',
          },
        },
      },
    },
  },
  throttled: {
    description:
      'CreateDatasetGroup is rate-limited 4 times with LimitExceededException ("The limit on the number of requests per second has been exceeded."): the SDK retries 3, the state machine retries the rest (throttling-exception: the same with ThrottlingException)',
    stack: {
      emulator: {
        faults: { throttle: { count: 4, operation: 'CreateDatasetGroup' } },
      },
    },
  },
  'throttling-exception': {
    description:
      'CreateDatasetGroup is throttled 4 times with ThrottlingException ("Rate exceeded"): the SDK retries 3, the state machine retries the rest',
    stack: {
      emulator: {
        faults: {
          throttle: {
            count: 4,
            operation: 'CreateDatasetGroup',
            error: 'ThrottlingException',
          },
        },
      },
    },
  },
  slow: {
    description:
      'the group takes 4 s to turn ACTIVE (emulated); the poll waits grow',
    stack: {
      emulator: { lifecycle: { pendingMs: 1_000, inProgressMs: 3_000 } },
    },
  },
  'never-active': {
    description:
      'the group never leaves CREATE IN_PROGRESS: the waits under 15 s are slept in one invocation, the longer ones are the task’s Retry, and the 300 s poll deadline ends the run',
    stack: {
      emulator: { faults: { neverActive: {} } },
      pollSchedule: { deadlineSeconds: 300 },
    },
  },
};
