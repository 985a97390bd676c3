import { describe, expect, it } from 'vitest';
import {
  type ChildResource,
  holdingsOf,
} from '#commons/teardown/child-resources.ts';
import { planTeardown } from '#commons/teardown/teardown-plan.ts';

const solution: ChildResource = {
  kind: 'solution',
  arn: 'arn:s',
  name: 'sol',
  status: 'ACTIVE',
};
const version = (status: string): ChildResource => ({
  kind: 'solutionVersion',
  arn: `arn:v-${status}`,
  name: 'v',
  status,
  solutionArn: 'arn:s',
});
const campaign = (status = 'ACTIVE'): ChildResource => ({
  kind: 'campaign',
  arn: 'arn:c',
  name: 'camp',
  status,
  solutionArn: 'arn:s',
});
const dataset: ChildResource = {
  kind: 'dataset',
  arn: 'arn:d',
  name: 'interactions',
  status: 'ACTIVE',
};
const tracker: ChildResource = {
  kind: 'eventTracker',
  arn: 'arn:t',
  name: 'tracker',
  status: 'ACTIVE',
};
const filter: ChildResource = {
  kind: 'filter',
  arn: 'arn:f',
  name: 'filter',
  status: 'ACTIVE',
};

const deletes = (children: ChildResource[], requested: string[] = []) =>
  planTeardown(children, new Set(requested))
    .actions.filter((action) => action.operation === 'delete')
    .map((action) => action.child.name);

describe('planTeardown', () => {
  it('deletes every kind at once where the order allows, and keeps the parents waiting', () => {
    const plan = planTeardown(
      [campaign(), version('ACTIVE'), solution, tracker, filter, dataset],
      new Set(),
    );
    expect(plan.actions.map((action) => action.child.name)).toEqual([
      'camp',
      'tracker',
      'filter',
    ]);
    expect(
      Object.fromEntries(
        plan.waiting.map(({ child, reason }) => [child.name, reason]),
      ),
    ).toEqual({
      sol: 'it waits for campaign camp',
      interactions:
        'it waits for campaign camp, solution sol, event tracker tracker',
    });
  });

  it('stops a training version first; its solution waits until it has stopped', () => {
    const training = planTeardown(
      [version('CREATE IN_PROGRESS'), solution],
      new Set(),
    );
    expect(training.actions).toEqual([
      { child: version('CREATE IN_PROGRESS'), operation: 'stop' },
    ]);
    expect(training.waiting[0]?.reason).toContain('solution version v');
    const stopping = planTeardown(
      [version('CREATE STOPPING'), solution],
      new Set(),
    );
    expect(stopping.actions).toEqual([]);
    expect(deletes([version('CREATE STOPPED'), solution])).toEqual(['sol']);
  });

  it('waits for a campaign still being created, then deletes it', () => {
    expect(deletes([campaign('CREATE IN_PROGRESS')])).toEqual([]);
    expect(
      planTeardown([campaign('CREATE IN_PROGRESS')], new Set()).waiting[0]
        ?.reason,
    ).toBe('it is still being created');
    expect(deletes([campaign('ACTIVE')])).toEqual(['camp']);
  });

  it('deletes a stopped recommender, and waits for one that is stopping', () => {
    const recommender = (status: string): ChildResource => ({
      kind: 'recommender',
      arn: 'arn:r',
      name: 'rec',
      status,
    });
    expect(deletes([recommender('INACTIVE')])).toEqual(['rec']);
    expect(deletes([recommender('STOP IN_PROGRESS')])).toEqual([]);
    expect(deletes([recommender('CREATE FAILED')])).toEqual(['rec']);
  });

  it('waits while a child is being deleted, and fails when Personalize gave its deletion up', () => {
    const deleting = { ...filter, status: 'DELETE IN_PROGRESS' };
    expect(planTeardown([deleting], new Set(['arn:f'])).waiting).toHaveLength(
      1,
    );
    const back = {
      ...filter,
      status: 'ACTIVE',
      failureReason: 'internal error',
    };
    const plan = planTeardown([back], new Set(['arn:f']));
    expect(plan.actions).toEqual([]);
    expect(plan.failed[0]?.reason).toBe(
      'Personalize gave up deleting filter filter: it is ACTIVE again (internal error)',
    );
  });
});

describe('holdingsOf', () => {
  it('counts each kind in deletion order', () => {
    expect(holdingsOf([dataset, dataset, tracker, solution])).toBe(
      '1 event tracker, 1 solution, 2 datasets',
    );
    expect(holdingsOf([])).toBe('');
  });
});
