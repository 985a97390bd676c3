import { describe, expect, it } from 'vitest';
import { createManualClock } from '#local/personalize/clock.ts';
import type { CreationFate } from '#local/personalize/dataset-group-lifecycle.ts';
import {
  DatasetGroupStore,
  type DatasetGroupStoreOptions,
} from '#local/personalize/dataset-group-store.ts';
import type { CreateDatasetGroupInput } from '#local/personalize/parse-requests.ts';

const region = 'us-east-1';
const timings = { pendingMs: 100, inProgressMs: 400, deleteMs: 300 };

const setup = (overrides: Partial<DatasetGroupStoreOptions> = {}) => {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const store = new DatasetGroupStore({
    clock,
    timings,
    quota: 5,
    accountId: '123456789012',
    ...overrides,
  });
  return { clock, store };
};

const input = (
  name: string,
  extra: Partial<CreateDatasetGroupInput> = {},
): CreateDatasetGroupInput => ({ name, tags: [], ...extra });

const tags = (count: number, prefix = 'k') =>
  Array.from({ length: count }, (_, index) => ({
    tagKey: `${prefix}${index}`,
    tagValue: `v${index}`,
  }));

const errorNamed = (name: string) => expect.objectContaining({ name });

describe('DatasetGroupStore', () => {
  it('returns the ARN built from region, account and name when it creates', () => {
    // Prepare
    const { store } = setup();

    // Act
    const created = store.create(
      'eu-west-1',
      input('acme', { domain: 'ECOMMERCE' }),
    );

    // Assess
    expect(created).toEqual({
      datasetGroupArn:
        'arn:aws:personalize:eu-west-1:123456789012:dataset-group/acme',
      domain: 'ECOMMERCE',
    });
  });

  it('describes the group with its inputs and the current status when asked', () => {
    // Prepare
    const { clock, store } = setup();
    const createdAt = clock.now();
    const { datasetGroupArn } = store.create(
      region,
      input('acme', {
        roleArn: 'arn:aws:iam::123456789012:role/p',
        kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
      }),
    );
    clock.advance(150);

    // Act
    const group = store.describe(datasetGroupArn);

    // Assess
    expect(group).toEqual({
      name: 'acme',
      datasetGroupArn,
      region,
      status: 'CREATE IN_PROGRESS',
      creationDateTime: new Date(createdAt),
      lastUpdatedDateTime: new Date(createdAt + 100),
      roleArn: 'arn:aws:iam::123456789012:role/p',
      kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
      tags: [],
      hasDatasets: false,
    });
  });

  it('refuses a duplicate name with ResourceAlreadyExistsException', () => {
    // Prepare
    const { store } = setup();
    store.create(region, input('acme'));

    // Act
    const again = () => store.create(region, input('acme'));

    // Assess
    expect(again).toThrow(errorNamed('ResourceAlreadyExistsException'));
  });

  it('accepts the same name in another region', () => {
    // Prepare
    const { store } = setup();
    store.create(region, input('acme'));

    // Act
    const created = store.create('eu-west-1', input('acme'));

    // Assess
    expect(created.datasetGroupArn).toContain(':eu-west-1:');
  });

  it('keeps the name taken while the old group is DELETE PENDING and frees it once gone', () => {
    // Prepare
    const { clock, store } = setup();
    const { datasetGroupArn } = store.create(region, input('acme'));
    clock.advance(500);
    store.delete(datasetGroupArn);

    // Act
    clock.advance(299);
    const whilePending = () => store.create(region, input('acme'));
    const pendingError = (() => {
      try {
        whilePending();
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    clock.advance(1);
    const afterGone = store.create(region, input('acme'));

    // Assess
    expect(pendingError).toEqual(errorNamed('ResourceAlreadyExistsException'));
    expect(afterGone.datasetGroupArn).toBe(datasetGroupArn);
    expect(store.describe(datasetGroupArn).status).toBe('CREATE PENDING');
  });

  it('answers ResourceNotFoundException after the deletion finished', () => {
    // Prepare
    const { clock, store } = setup();
    const { datasetGroupArn } = store.create(region, input('acme'));
    clock.advance(500);
    store.delete(datasetGroupArn);

    // Act
    const pending = store.describe(datasetGroupArn);
    clock.advance(300);

    // Assess
    expect(pending.status).toBe('DELETE PENDING');
    expect(pending.lastUpdatedDateTime.getTime()).toBe(clock.now() - 300);
    expect(() => store.describe(datasetGroupArn)).toThrow(
      errorNamed('ResourceNotFoundException'),
    );
    expect(store.views()).toEqual([]);
  });

  it('accepts a second delete of a DELETE PENDING group without restarting it', () => {
    // Prepare
    const { clock, store } = setup();
    const { datasetGroupArn } = store.create(region, input('acme'));
    clock.advance(500);
    store.delete(datasetGroupArn);
    clock.advance(200);

    // Act
    store.delete(datasetGroupArn);
    clock.advance(100);

    // Assess
    expect(() => store.describe(datasetGroupArn)).toThrow(
      errorNamed('ResourceNotFoundException'),
    );
  });

  it.each([
    [0, 'CREATE PENDING'],
    [100, 'CREATE IN_PROGRESS'],
  ])(
    'refuses to delete with ResourceInUseException when %s ms old (%s)',
    (age) => {
      // Prepare
      const { clock, store } = setup();
      const { datasetGroupArn } = store.create(region, input('acme'));
      clock.advance(age);

      // Act
      const remove = () => store.delete(datasetGroupArn);

      // Assess
      expect(remove).toThrow(errorNamed('ResourceInUseException'));
    },
  );

  it('refuses to delete while the group holds datasets, and accepts once they are gone', () => {
    // Prepare
    const { clock, store } = setup();
    const { datasetGroupArn } = store.create(region, input('acme'));
    clock.advance(500);
    store.markHasDatasets('acme', true);

    // Act
    const refused = () => store.delete(datasetGroupArn);
    expect(refused).toThrow(errorNamed('ResourceInUseException'));
    store.markHasDatasets(datasetGroupArn, false);
    store.delete(datasetGroupArn);

    // Assess
    expect(store.describe(datasetGroupArn).status).toBe('DELETE PENDING');
  });

  it('throws a plain Error when markHasDatasets names no group', () => {
    // Prepare
    const { store } = setup();

    // Act
    const mark = () => store.markHasDatasets('nobody', true);

    // Assess
    expect(mark).toThrow('No emulated dataset group nobody');
  });

  it('refuses a creation with LimitExceededException when the quota is reached', () => {
    // Prepare
    const { store } = setup({ quota: 2 });
    store.create(region, input('a'));
    store.create(region, input('b'));

    // Act
    const third = () => store.create(region, input('c'));

    // Assess
    expect(third).toThrow(errorNamed('LimitExceededException'));
  });

  it('does not count CREATE FAILED and DELETE PENDING groups toward the quota', () => {
    // Prepare
    const failing: CreationFate = {
      outcome: 'CREATE FAILED',
      failureReason: 'x',
    };
    const { clock, store } = setup({
      quota: 1,
      fateOf: (name) => (name === 'fails' ? failing : { outcome: 'ACTIVE' }),
    });
    store.create(region, input('fails'));
    clock.advance(500);
    const { datasetGroupArn } = store.create(region, input('deleted'));
    clock.advance(500);
    store.delete(datasetGroupArn);

    // Act
    const created = store.create(region, input('counted'));

    // Assess
    expect(created.datasetGroupArn).toContain('dataset-group/counted');
    expect(() => store.create(region, input('over'))).toThrow(
      errorNamed('LimitExceededException'),
    );
    expect(store.views().map((group) => group.status)).toEqual([
      'CREATE FAILED',
      'DELETE PENDING',
      'CREATE PENDING',
    ]);
  });

  it('counts the quota per region', () => {
    // Prepare
    const { store } = setup({ quota: 1 });
    store.create(region, input('a'));

    // Act
    const elsewhere = store.create('eu-west-1', input('b'));

    // Assess
    expect(elsewhere.datasetGroupArn).toContain(':eu-west-1:');
  });

  it('lists newest first in pages that chain through nextToken', () => {
    // Prepare
    const { clock, store } = setup({ quota: 10 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      store.create(region, input(name));
      clock.advance(10);
    }
    store.create('eu-west-1', input('other'));

    // Act
    const first = store.list(region, { maxResults: 2 });
    const second = store.list(region, {
      maxResults: 2,
      ...(first.nextToken !== undefined && { nextToken: first.nextToken }),
    });
    const third = store.list(region, {
      maxResults: 2,
      ...(second.nextToken !== undefined && { nextToken: second.nextToken }),
    });

    // Assess
    const names = (page: typeof first) => page.datasetGroups.map((g) => g.name);
    expect([names(first), names(second), names(third)]).toEqual([
      ['e', 'd'],
      ['c', 'b'],
      ['a'],
    ]);
    expect(first.nextToken).toEqual(expect.any(String));
    expect(third.nextToken).toBeUndefined();
  });

  it('orders groups created in the same millisecond by creation order', () => {
    // Prepare
    const { store } = setup();
    store.create(region, input('first'));
    store.create(region, input('second'));

    // Act
    const page = store.list(region, { maxResults: 100 });

    // Assess
    expect(page.datasetGroups.map((group) => group.name)).toEqual([
      'second',
      'first',
    ]);
  });

  it('rejects a garbage nextToken with InvalidNextTokenException', () => {
    // Prepare
    const { store } = setup();

    // Act
    const list = () =>
      store.list(region, { maxResults: 10, nextToken: 'junk' });

    // Assess
    expect(list).toThrow(errorNamed('InvalidNextTokenException'));
  });

  it('merges tags, replacing the value of an existing key, when tagging', () => {
    // Prepare
    const { store } = setup();
    const { datasetGroupArn } = store.create(
      region,
      input('acme', { tags: [{ tagKey: 'team', tagValue: 'a' }] }),
    );

    // Act
    store.tagResource(datasetGroupArn, [
      { tagKey: 'team', tagValue: 'b' },
      { tagKey: 'env', tagValue: '' },
    ]);

    // Assess
    expect(store.listTags(datasetGroupArn)).toEqual([
      { tagKey: 'team', tagValue: 'b' },
      { tagKey: 'env', tagValue: '' },
    ]);
  });

  it('refuses more than 50 tags on create with TooManyTagsException', () => {
    // Prepare
    const { store } = setup();

    // Act
    const create = () =>
      store.create(region, input('acme', { tags: tags(51) }));

    // Assess
    expect(create).toThrow(errorNamed('TooManyTagsException'));
    expect(store.views()).toEqual([]);
  });

  it('refuses tagging beyond 50 tags and keeps the old tags unchanged', () => {
    // Prepare
    const { store } = setup();
    const { datasetGroupArn } = store.create(
      region,
      input('acme', { tags: tags(49) }),
    );

    // Act
    const tag = () => store.tagResource(datasetGroupArn, tags(2, 'new'));

    // Assess
    expect(tag).toThrow(errorNamed('TooManyTagsException'));
    expect(store.listTags(datasetGroupArn)).toHaveLength(49);
  });

  it('accepts exactly 50 tags', () => {
    // Prepare
    const { store } = setup();
    const { datasetGroupArn } = store.create(
      region,
      input('acme', { tags: tags(49) }),
    );

    // Act
    store.tagResource(datasetGroupArn, tags(1, 'new'));

    // Assess
    expect(store.listTags(datasetGroupArn)).toHaveLength(50);
  });

  it('removes the given keys and ignores unknown ones when untagging', () => {
    // Prepare
    const { store } = setup();
    const { datasetGroupArn } = store.create(
      region,
      input('acme', { tags: tags(3) }),
    );

    // Act
    store.untagResource(datasetGroupArn, ['k0', 'k2', 'missing']);

    // Assess
    expect(store.listTags(datasetGroupArn)).toEqual([
      { tagKey: 'k1', tagValue: 'v1' },
    ]);
  });

  it('refuses more than 50 keys with TooManyTagKeysException when untagging', () => {
    // Prepare
    const { store } = setup();
    const { datasetGroupArn } = store.create(region, input('acme'));

    // Act
    const untag = () =>
      store.untagResource(
        datasetGroupArn,
        tags(51).map((tag) => tag.tagKey),
      );

    // Assess
    expect(untag).toThrow(errorNamed('TooManyTagKeysException'));
  });

  it('refuses to tag a DELETE PENDING group with ResourceInUseException', () => {
    // Prepare
    const { clock, store } = setup();
    const { datasetGroupArn } = store.create(region, input('acme'));
    clock.advance(500);
    store.delete(datasetGroupArn);

    // Act
    const tag = () => store.tagResource(datasetGroupArn, tags(1));

    // Assess
    expect(tag).toThrow(errorNamed('ResourceInUseException'));
  });

  it('answers ResourceNotFoundException for tags of an unknown ARN', () => {
    // Prepare
    const { store } = setup();
    const arn = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/none';

    // Act
    const list = () => store.listTags(arn);

    // Assess
    expect(list).toThrow(errorNamed('ResourceNotFoundException'));
  });

  it('forgets every group when cleared', () => {
    // Prepare
    const { store } = setup();
    store.create(region, input('acme'));

    // Act
    store.clear();

    // Assess
    expect(store.views()).toEqual([]);
  });

  it('throws when the quota is negative', () => {
    // Act
    const create = () => setup({ quota: -1 });

    // Assess
    expect(create).toThrow(RangeError);
  });
});
