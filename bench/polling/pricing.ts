/**
 * Published on-demand prices, us-east-1 (USD), as used by the benchmark.
 * Sources: aws.amazon.com/step-functions/pricing (Standard workflows),
 * aws.amazon.com/lambda/pricing (Arm), aws.amazon.com/eventbridge/pricing
 * (custom events). Personalize control-plane calls are not billed.
 */
export const prices = {
  stateTransition: 0.025 / 1000,
  lambdaRequest: 0.2 / 1_000_000,
  lambdaArmGbSecond: 0.0000133334,
  eventBridgeEvent: 1 / 1_000_000,
} as const;

/**
 * Memory of each Lambda task, in GB, as serverless.yml configures ours:
 * the status-polling function (ours sleeps between polls) has 128 MB, and
 * the peers' polling functions are priced the same; every other function
 * at 256 MB.
 */
export const functionMemoryGb = (taskState: string): number =>
  taskState === 'DescribeDatasetGroup' ? 0.125 : 0.25;

/**
 * CPU time billed for one invocation that makes one or two API calls
 * (modelled, not measured: the benchmark runs in virtual time). Time a
 * function spends sleeping between polls is added to it.
 */
export const modelledInvocationSeconds = 0.1;

export interface Usage {
  transitions: number;
  invocations: number;
  gbSeconds: number;
  events: number;
}

export const costOf = (usage: Usage): number =>
  usage.transitions * prices.stateTransition +
  usage.invocations * prices.lambdaRequest +
  usage.gbSeconds * prices.lambdaArmGbSecond +
  usage.events * prices.eventBridgeEvent;
