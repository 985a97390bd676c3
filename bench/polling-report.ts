import {
  latencyGoalSeconds as latencyBound,
  minimumCostUsd,
  minimumPolls,
} from './polling/lower-bounds.ts';
import type { PollingRun as PolicyRun } from './run-polling.ts';

export const ourPolicyId = 'this-project';

const fixed = (value: number | undefined, digits: number) =>
  value === undefined ? '—' : value.toFixed(digits);

/** One text table per creation time T. */
export const pollingTables = (runs: PolicyRun[]): string => {
  const times = [...new Set(runs.map((run) => run.creationSeconds))];
  const header = `${'policy'.padEnd(20)}${'latency s'.padStart(11)}${'near T: worst'.padStart(15)}${'mean'.padStart(7)}${'transitions'.padStart(13)}${'invocations'.padStart(13)}${'GB-s'.padStart(9)}${'Describe'.padStart(10)}${'USD'.padStart(11)}  outcome`;
  return times
    .map((creationSeconds) => {
      const rows = runs
        .filter((run) => run.creationSeconds === creationSeconds)
        .map(
          (run) =>
            `${run.policy.padEnd(20)}${fixed(run.latencySeconds, 1).padStart(11)}${fixed(run.nearT?.worst, 1).padStart(15)}${fixed(run.nearT?.mean, 1).padStart(7)}${String(run.transitions).padStart(13)}${String(run.invocations).padStart(13)}${run.gbSeconds.toFixed(2).padStart(9)}${String(run.describeCalls).padStart(10)}${run.costUsd.toFixed(6).padStart(11)}  ${
              run.status === 'SUCCEEDED'
                ? 'detected'
                : `FAILED before T (${run.failure ?? 'unknown'})`
            }`,
        );
      const bound = `  lower bounds for any policy that keeps the latency goal for every creation time: ${minimumPolls(creationSeconds)} polls, $${minimumCostUsd(creationSeconds).toFixed(6)}`;
      return [`T = ${creationSeconds} s`, header, ...rows, bound].join('\n');
    })
    .join('\n\n');
};

export interface GoalResult {
  goal: string;
  met: boolean;
  detail: string;
}

/** The polling goals of issue 6, judged on the measured runs. */
export const pollingGoals = (runs: PolicyRun[]): GoalResult[] => {
  const ours = runs.filter((run) => run.policy === ourPolicyId);
  const late = ours.filter(
    (run) =>
      run.latencySeconds === undefined ||
      run.latencySeconds > latencyBound(run.creationSeconds) + 1e-6,
  );
  const failed = ours.filter((run) => run.status !== 'SUCCEEDED');
  const dominated = ours.flatMap((mine) =>
    runs
      .filter(
        (peer) =>
          peer.policy !== ourPolicyId &&
          peer.creationSeconds === mine.creationSeconds &&
          peer.status === 'SUCCEEDED' &&
          peer.latencySeconds !== undefined &&
          mine.latencySeconds !== undefined &&
          peer.latencySeconds < mine.latencySeconds &&
          peer.costUsd < mine.costUsd,
      )
      .map((peer) => {
        const floor = minimumCostUsd(mine.creationSeconds);
        const why =
          floor > peer.costUsd
            ? `unattainable: keeping the latency goal for every creation time costs at least $${floor.toFixed(6)} here`
            : `attainable in principle: the floor is $${floor.toFixed(6)}`;
        const near =
          peer.nearT === undefined
            ? 'it fails for some creation times up to 1.1 T'
            : `for creation times from T to 1.1 T its worst latency is ${peer.nearT.worst.toFixed(1)} s, ours ${mine.nearT?.worst.toFixed(1) ?? '—'} s`;
        return `T=${mine.creationSeconds} s: ${peer.policy} (${peer.latencySeconds?.toFixed(1)} s, $${peer.costUsd.toFixed(6)}) vs ours (${mine.latencySeconds?.toFixed(1)} s, $${mine.costUsd.toFixed(6)}); ${why}; ${near}`;
      }),
  );
  const expensive = ours.filter(
    (run) => run.creationSeconds <= 120 && run.costUsd > 0.001,
  );
  const chatty = ours.filter((run) => run.describeCalls > 60);
  return [
    {
      goal: 'Detection latency ≤ max(2 s, 10% of T) at every T',
      met: late.length === 0,
      detail:
        late.length === 0
          ? ours
              .map(
                (run) =>
                  `T=${run.creationSeconds}: ${run.latencySeconds?.toFixed(1)} s ≤ ${latencyBound(run.creationSeconds).toFixed(1)} s`,
              )
              .join('; ')
          : late
              .map(
                (run) =>
                  `T=${run.creationSeconds}: ${fixed(run.latencySeconds, 1)} s`,
              )
              .join('; '),
    },
    {
      goal: 'No failure before the configured deadline at any T',
      met: failed.length === 0,
      detail:
        failed.length === 0
          ? 'every run detected ACTIVE'
          : failed
              .map((run) => `T=${run.creationSeconds}: ${run.failure}`)
              .join('; '),
    },
    {
      goal: 'At every T, no peer has both lower latency and lower cost',
      met: dominated.length === 0,
      detail:
        dominated.length === 0
          ? 'no peer dominates'
          : `${dominated.join('. ')}. A fixed-period loop whose period divides T polls exactly when the group turns ACTIVE, so its latency is ~0 at that T and a period late just after it.`,
    },
    {
      goal: 'Cost ≤ $0.001 per dataset group for T ≤ 120 s',
      met: expensive.length === 0,
      detail: ours
        .filter((run) => run.creationSeconds <= 120)
        .map((run) => `T=${run.creationSeconds}: $${run.costUsd.toFixed(6)}`)
        .join('; '),
    },
    {
      goal: '≤ 60 DescribeDatasetGroup calls per execution at every T',
      met: chatty.length === 0,
      detail:
        chatty.length === 0
          ? `at most ${Math.max(...ours.map((run) => run.describeCalls))}`
          : `${chatty
              .map(
                (run) =>
                  `T=${run.creationSeconds}: ${run.describeCalls} calls, where any schedule that keeps the latency goal for every creation time needs at least ${minimumPolls(run.creationSeconds)}`,
              )
              .join(
                '; ',
              )}. No gap between polls may exceed max(2 s, 10% of the time elapsed), so reaching 3600 s takes 10 polls to 20 s and ln(3600/20)/ln(1.1) ≈ 55 more: the two goals conflict at T = 3600 s.`,
    },
  ];
};

/**
 * The dominance check again, on the worst latency over creation times from
 * T to 1.1 T instead of at T alone: a policy whose polls happen to fall on
 * T looks instant there and is a whole period late just after it.
 */
export const nearTDominance = (runs: PolicyRun[]): string[] =>
  runs
    .filter((mine) => mine.policy === ourPolicyId)
    .flatMap((mine) =>
      runs
        .filter(
          (peer) =>
            peer.policy !== ourPolicyId &&
            peer.creationSeconds === mine.creationSeconds &&
            peer.nearT !== undefined &&
            mine.nearT !== undefined &&
            peer.nearT.worst < mine.nearT.worst &&
            peer.costUsd < mine.costUsd,
        )
        .map(
          (peer) =>
            `T=${mine.creationSeconds} s: ${peer.policy} (worst ${peer.nearT?.worst.toFixed(1)} s, $${peer.costUsd.toFixed(6)}) vs ours (worst ${mine.nearT?.worst.toFixed(1)} s, $${mine.costUsd.toFixed(6)})`,
        ),
    );

/** Latency against cost, one series per policy, log-log, as SVG. */
export const pollingChart = (runs: PolicyRun[]): string => {
  const width = 760;
  const height = 480;
  const margin = { left: 70, right: 230, top: 30, bottom: 50 };
  const points = runs.filter((run) => run.latencySeconds !== undefined);
  const minLatency = 0.1;
  const costs = points.map((run) => run.costUsd);
  const xMin = Math.log10(Math.min(...costs) / 1.2);
  const xMax = Math.log10(Math.max(...costs) * 1.2);
  const yMin = Math.log10(minLatency);
  const yMax = Math.log10(
    Math.max(...points.map((run) => run.latencySeconds ?? 1)) * 1.5,
  );
  const x = (cost: number) =>
    margin.left +
    ((Math.log10(cost) - xMin) / (xMax - xMin)) *
      (width - margin.left - margin.right);
  const y = (latency: number) =>
    height -
    margin.bottom -
    ((Math.log10(Math.max(latency, minLatency)) - yMin) / (yMax - yMin)) *
      (height - margin.top - margin.bottom);
  const colours = [
    '#d62728',
    '#1f77b4',
    '#2ca02c',
    '#9467bd',
    '#ff7f0e',
    '#8c564b',
  ];
  const policies = [...new Set(runs.map((run) => run.policy))];
  const series = policies
    .map((policy, index) => {
      const colour = colours[index % colours.length];
      const own = points.filter((run) => run.policy === policy);
      const path = own
        .map(
          (run) =>
            `${x(run.costUsd).toFixed(1)},${y(run.latencySeconds ?? 0).toFixed(1)}`,
        )
        .join(' ');
      const dots = own
        .map(
          (run) =>
            `<circle cx="${x(run.costUsd).toFixed(1)}" cy="${y(run.latencySeconds ?? 0).toFixed(1)}" r="4" fill="${colour}"><title>${policy} T=${run.creationSeconds}s: ${run.latencySeconds?.toFixed(1)} s, $${run.costUsd.toFixed(6)}</title></circle><text x="${(x(run.costUsd) + 5).toFixed(1)}" y="${(y(run.latencySeconds ?? 0) - 5).toFixed(1)}" font-size="9" fill="${colour}">${run.creationSeconds}</text>`,
        )
        .join('');
      const legendY = margin.top + index * 20;
      return `<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="1.5"/>${dots}<rect x="${width - margin.right + 15}" y="${legendY - 8}" width="10" height="10" fill="${colour}"/><text x="${width - margin.right + 30}" y="${legendY + 1}" font-size="12">${policy}</text>`;
    })
    .join('\n');
  const xTicks = Array.from(
    { length: Math.floor(xMax) - Math.ceil(xMin) + 1 },
    (_, index) => Math.ceil(xMin) + index,
  )
    .map(
      (exponent) =>
        `<text x="${x(10 ** exponent).toFixed(1)}" y="${height - margin.bottom + 18}" font-size="11" text-anchor="middle">$1e${exponent}</text>`,
    )
    .join('');
  const yTicks = Array.from(
    { length: Math.floor(yMax) - Math.ceil(yMin) + 1 },
    (_, index) => Math.ceil(yMin) + index,
  )
    .map(
      (exponent) =>
        `<text x="${margin.left - 8}" y="${(y(10 ** exponent) + 4).toFixed(1)}" font-size="11" text-anchor="end">${10 ** exponent} s</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" role="img">
<title>Detection latency against cost per execution, per polling policy</title>
<rect width="100%" height="100%" fill="white"/>
<text x="${margin.left}" y="18" font-size="14">Detection latency against cost per execution (labels: creation time T in s; latency below 0.1 s drawn at 0.1 s)</text>
<line x1="${margin.left}" y1="${height - margin.bottom}" x2="${width - margin.right}" y2="${height - margin.bottom}" stroke="black"/>
<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${height - margin.bottom}" stroke="black"/>
${xTicks}${yTicks}
<text x="${(margin.left + width - margin.right) / 2}" y="${height - 12}" font-size="12" text-anchor="middle">cost per execution (USD, log)</text>
<text x="16" y="${(margin.top + height - margin.bottom) / 2}" font-size="12" transform="rotate(-90 16 ${(margin.top + height - margin.bottom) / 2})" text-anchor="middle">detection latency (log)</text>
${series}
</svg>
`;
};
