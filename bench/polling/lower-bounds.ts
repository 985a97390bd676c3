import { prices } from './pricing.ts';

/** The latency goal of issue 6: max(2 s, 10% of T). */
export const latencyGoalSeconds = (creationSeconds: number): number =>
  Math.max(2, 0.1 * creationSeconds);

/**
 * The fewest polls any schedule can make to see a group that takes T s,
 * if it keeps the latency goal for every creation time (not just the
 * benchmark's): a group that turns ACTIVE just after a poll at t is seen
 * at the next poll, so no gap may exceed max(2 s, 10% of t). The greedy
 * schedule, every gap at that limit, reaches T first.
 */
export const minimumPolls = (creationSeconds: number): number => {
  let polls = 0;
  for (let at = 0; at < creationSeconds; polls += 1) {
    at += latencyGoalSeconds(at);
  }
  return polls;
};

/** Seconds of the smallest Lambda (128 MB arm64), in USD. */
const sleptSecondUsd = 0.125 * prices.lambdaArmGbSecond;

/**
 * The least any workflow can cost for a group that takes T s, if it keeps
 * the latency goal for every creation time. Each gap between polls is
 * either slept in a Lambda function (at best 128 MB: $0.0000017 a second)
 * or waited by Step Functions, which bills at least one state transition
 * to poll again after it. A gap at time t is at most max(2 s, 0.1 t), so
 * each second of waiting costs at least min(slept second, transition /
 * that longest gap), and the waits from 0 to T add up to at least the
 * integral of it. On top: a create task, one poll task and the publishing
 * of the event (3 transitions), two invocations and one event.
 */
export const minimumCostUsd = (creationSeconds: number): number => {
  const step = 0.01;
  let waiting = 0;
  for (let at = 0; at < creationSeconds; at += step) {
    const perSecond = Math.min(
      sleptSecondUsd,
      prices.stateTransition / latencyGoalSeconds(at),
    );
    waiting += perSecond * Math.min(step, creationSeconds - at);
  }
  return (
    waiting +
    3 * prices.stateTransition +
    2 * prices.lambdaRequest +
    prices.eventBridgeEvent
  );
};

/**
 * Detection latency for creation times near T, from the times a policy
 * polled (seconds after creation) in a run whose group turned ACTIVE after
 * them all: for a creation time T', the first poll at or after T' sees it.
 * Deterministic policies poll at the same times whatever T' is, until they
 * see ACTIVE. Undefined when the polls stop before some T' (the policy
 * failed first).
 */
export const latencyNear = (
  pollSeconds: readonly number[],
  from: number,
  to: number,
  samples = 41,
): { worst: number; mean: number } | undefined => {
  const latencies: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const creation = from + ((to - from) * index) / (samples - 1);
    const seenAt = pollSeconds.find((poll) => poll >= creation - 1e-9);
    if (seenAt === undefined) return undefined;
    latencies.push(Math.max(0, seenAt - creation));
  }
  return {
    worst: Math.max(...latencies),
    mean: latencies.reduce((sum, value) => sum + value, 0) / latencies.length,
  };
};
