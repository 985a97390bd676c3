import { describe, expect, it } from 'vitest';
import { defaultPollSchedule } from '#commons/dataset-group/poll-schedule.ts';
import type { ChildResource } from '#commons/teardown/child-resources.ts';
import type {
  ActionResult,
  GroupChildrenApi,
} from '#commons/teardown/teardown-api.ts';
import { noTeardown } from '#commons/teardown/teardown-state.ts';
import { advanceTeardown } from '#commons/teardown/teardown-step.ts';

/**
 * A group's children that obey the deletion order the way Personalize
 * does, in memory: a deletion takes `deleteRounds` looks at the group,
 * a blocked or still-creating child answers in-use.
 */
/** A child as the fake holds it: a dataset knows its schema. */
type Held = ChildResource & { schemaArn?: string };

class InMemoryGroup implements GroupChildrenApi {
  readonly log: string[] = [];
  #children: Array<Held & { goneIn?: number }>;
  #schemasInUseElsewhere: Set<string>;
  constructor(
    children: Held[],
    options: { schemasInUseElsewhere?: string[]; giveUp?: string } = {},
  ) {
    this.#children = children.map((child) => ({ ...child }));
    this.#schemasInUseElsewhere = new Set(options.schemasInUseElsewhere);
    this.giveUp = options.giveUp;
  }
  giveUp: string | undefined;
  crashAfterActs = Number.POSITIVE_INFINITY;
  throttleActs = 0;

  async listChildren(): Promise<ChildResource[]> {
    for (const child of this.#children) {
      if (child.goneIn !== undefined) child.goneIn -= 1;
      if (child.status === 'CREATE IN_PROGRESS') child.status = 'ACTIVE';
      if (child.status === 'CREATE STOPPING') child.status = 'CREATE STOPPED';
    }
    const gone = this.#children.filter((child) => (child.goneIn ?? 1) <= 0);
    for (const child of gone) {
      if (child.name === this.giveUp) {
        child.status = 'ACTIVE';
        delete child.goneIn;
      } else {
        this.log.push(`gone ${child.name}`);
      }
    }
    this.#children = this.#children.filter(
      (child) => (child.goneIn ?? 1) > 0 || child.name === this.giveUp,
    );
    // A solution's versions go with it.
    const solutions = new Set(this.#children.map((child) => child.arn));
    this.#children = this.#children.filter(
      (child) =>
        child.kind !== 'solutionVersion' ||
        solutions.has(child.solutionArn ?? ''),
    );
    return this.#children.map(
      ({ goneIn: _goneIn, schemaArn: _schemaArn, ...child }) => ({ ...child }),
    );
  }

  async act({
    child,
    operation,
  }: {
    child: ChildResource;
    operation: 'delete' | 'stop';
  }): Promise<ActionResult> {
    if (this.crashAfterActs-- <= 0) throw new Error('Sandbox.Timedout');
    if (this.throttleActs > 0) {
      this.throttleActs -= 1;
      return 'throttled';
    }
    const own = this.#children.find((candidate) => candidate.arn === child.arn);
    if (own === undefined) return 'gone';
    if (operation === 'stop') {
      own.status = 'CREATE STOPPING';
      return 'requested';
    }
    if (own.status?.startsWith('CREATE IN') || own.goneIn !== undefined) {
      return 'in-use';
    }
    own.status = 'DELETE PENDING';
    own.goneIn = 2;
    this.log.push(`delete ${own.name}`);
    return 'requested';
  }

  async schemaArnOf(datasetArn: string): Promise<string | undefined> {
    return this.#children.find((child) => child.arn === datasetArn)?.schemaArn;
  }

  async deleteSchema(schemaArn: string): Promise<ActionResult> {
    if (this.#schemasInUseElsewhere.has(schemaArn)) return 'in-use';
    this.log.push(`delete schema ${schemaArn}`);
    return 'requested';
  }
}

const populated = (): Held[] => [
  {
    kind: 'campaign',
    arn: 'arn:campaign',
    name: 'campaign',
    status: 'CREATE IN_PROGRESS',
    solutionArn: 'arn:solution',
  },
  {
    kind: 'solutionVersion',
    arn: 'arn:version',
    name: 'version',
    status: 'CREATE IN_PROGRESS',
    solutionArn: 'arn:solution',
  },
  { kind: 'solution', arn: 'arn:solution', name: 'solution', status: 'ACTIVE' },
  {
    kind: 'eventTracker',
    arn: 'arn:tracker',
    name: 'tracker',
    status: 'ACTIVE',
  },
  { kind: 'filter', arn: 'arn:filter', name: 'filter', status: 'ACTIVE' },
  {
    kind: 'dataset',
    arn: 'arn:dataset',
    name: 'interactions',
    status: 'ACTIVE',
    schemaArn: 'arn:schema/interactions',
  },
];

const context = () => {
  let slept = 0;
  return {
    remainingMs: () => 300_000,
    safetyMarginSeconds: 10,
    sleep: async (ms: number) => {
      slept += ms;
    },
    wallElapsedSeconds: () => slept / 1000,
    schedule: defaultPollSchedule,
  };
};

describe('advanceTeardown', () => {
  it('empties a populated group, each child gone before its parent, and lists what it deleted', async () => {
    const group = new InMemoryGroup(populated());
    const state = await advanceTeardown(
      group,
      'arn:group',
      noTeardown(true),
      context(),
    );
    expect(state.outcome).toBe('DONE');
    const at = (entry: string) => group.log.indexOf(entry);
    expect(at('gone campaign')).toBeLessThan(at('delete solution'));
    expect(at('gone solution')).toBeLessThan(at('delete interactions'));
    expect(at('gone tracker')).toBeLessThan(at('delete interactions'));
    expect(at('gone interactions')).toBeLessThan(
      at('delete schema arn:schema/interactions'),
    );
    expect(state.deleted.map((child) => child.name).sort()).toEqual(
      [
        'campaign',
        'filter',
        'interactions',
        'solution',
        'tracker',
        'version',
        'interactions',
      ].sort(),
    );
    expect(state.remaining).toEqual([]);
  });

  it('keeps the schemas unless asked, and a schema another dataset uses', async () => {
    const kept = await advanceTeardown(
      new InMemoryGroup(populated()),
      'arn:group',
      noTeardown(false),
      context(),
    );
    expect(kept.keptSchemas.map((schema) => schema.arn)).toEqual([
      'arn:schema/interactions',
    ]);
    const shared = await advanceTeardown(
      new InMemoryGroup(populated(), {
        schemasInUseElsewhere: ['arn:schema/interactions'],
      }),
      'arn:group',
      noTeardown(true),
      context(),
    );
    expect(shared.outcome).toBe('DONE');
    expect(shared.keptSchemas).toHaveLength(1);
  });

  it('carries on after a crash mid-teardown, from what is left', async () => {
    const group = new InMemoryGroup(populated());
    group.crashAfterActs = 3;
    await expect(
      advanceTeardown(group, 'arn:group', noTeardown(), context()),
    ).rejects.toThrow('Sandbox.Timedout');
    group.crashAfterActs = Number.POSITIVE_INFINITY;
    // A new invocation knows nothing of the last one's requests.
    const state = await advanceTeardown(
      group,
      'arn:group',
      noTeardown(),
      context(),
    );
    expect(state.outcome).toBe('DONE');
    expect(
      group.log.filter((entry) => entry === 'delete campaign'),
    ).toHaveLength(1);
  });

  it('tries a throttled deletion again in the next round', async () => {
    const group = new InMemoryGroup(populated());
    group.throttleActs = 4;
    const state = await advanceTeardown(
      group,
      'arn:group',
      noTeardown(),
      context(),
    );
    expect(state.outcome).toBe('DONE');
    expect(
      group.log.filter((entry) => entry.startsWith('delete ')),
    ).toHaveLength(5);
  });

  it('fails, naming the child, when Personalize gives a deletion up', async () => {
    const group = new InMemoryGroup(populated(), { giveUp: 'filter' });
    const state = await advanceTeardown(
      group,
      'arn:group',
      noTeardown(),
      context(),
    );
    expect(state.outcome).toBe('FAILED');
    expect(state.error?.message).toContain(
      'Personalize gave up deleting filter filter',
    );
    expect(state.remaining.map((child) => child.name)).toContain('filter');
  });

  it('returns to the Wait state once the next wait is too long to sleep', async () => {
    const state = await advanceTeardown(
      new InMemoryGroup(populated()),
      'arn:group',
      noTeardown(),
      { ...context(), remainingMs: () => 5_000 },
    );
    expect(state.outcome).toBe('IN_PROGRESS');
    expect(state.waitSeconds).toBe(2);
    expect(state.requested.length).toBeGreaterThan(0);
  });
});
