import { createHash } from 'node:crypto';
import { datasetGroupStatus } from '#commons/dataset-group/status.ts';
import {
  type ChildKind,
  childKinds,
  childNouns,
  countOf,
  defaultChildQuotas,
  type QuotaKind,
} from './child-kinds.ts';
import { type DeletionFate, goneFate } from './child-lifecycle.ts';
import type {
  ChildAttributes,
  GroupChildPersistence,
  StoredChild,
} from './child-persistence.ts';
import { ChildStore, type ChildView } from './child-store.ts';
import type { Clock } from './clock.ts';
import { activeFate, type CreationFate } from './dataset-group-lifecycle.ts';
import type { EmulatedDatasetGroupView } from './dataset-group-store.ts';
import type { DeletionLog } from './deletion-log.ts';
import {
  invalidInput,
  limitExceeded,
  resourceAlreadyExists,
  resourceInUse,
  resourceNotFound,
} from './emulator-error.ts';
import type { ChildLifecycleTimings } from './lifecycle-timings.ts';
import type {
  CreateCampaignInput,
  CreateEventTrackerInput,
  CreateFilterInput,
  CreateMetricAttributionInput,
  CreateRecommenderInput,
  CreateSolutionInput,
  CreateSolutionVersionInput,
} from './parse-child-requests.ts';
import type { ListChildrenInput } from './parse-dataset-requests.ts';
import { assertQuota } from './quota-option.ts';
import {
  childArnOf,
  isSolutionVersionArn,
  resourceTypeOf,
  solutionVersionArnOf,
} from './resource-arns.ts';
import {
  type ChildStatus,
  isDeleting,
  isUnderway,
  resourceStatus,
} from './resource-status.ts';
import { assertTagsFitOnCreate, type TaggableStore } from './resource-tags.ts';
import type { Tag } from './tag-rules.ts';

/** A resource of kind K as it is at the moment it was read. */
export type ChildViewOf<K extends ChildKind> = ChildView<ChildAttributes[K]>;

export type EmulatedEventTrackerView = ChildView<
  ChildAttributes['eventTracker']
>;
export type EmulatedFilterView = ChildView<ChildAttributes['filter']>;
export type EmulatedSolutionView = ChildView<ChildAttributes['solution']>;
export type EmulatedSolutionVersionView = ChildView<
  ChildAttributes['solutionVersion']
>;
export type EmulatedCampaignView = ChildView<ChildAttributes['campaign']>;
export type EmulatedRecommenderView = ChildView<ChildAttributes['recommender']>;
export type EmulatedMetricAttributionView = ChildView<
  ChildAttributes['metricAttribution']
>;

/** One store per kind. */
export type ChildStores = {
  [K in ChildKind]: ChildStore<ChildAttributes[K]>;
};

export interface GroupChildrenOptions {
  clock: Clock;
  /** Changeable with setTimings. */
  timings: ChildLifecycleTimings;
  accountId: string;
  /** Per dataset group; default defaultChildQuotas. */
  quotas?: Partial<Record<QuotaKind, number>>;
  /** The group a resource goes into (ResourceNotFoundException if none). */
  groups: { describe(datasetGroupArn: string): EmulatedDatasetGroupView };
  /** Asked once per creation how it will end (fault injection). */
  fateOf?: (kind: ChildKind, name: string) => CreationFate;
  /** Asked once per deletion how it will end (fault injection). */
  deletionFateOf?: (kind: ChildKind, name: string) => DeletionFate;
  /** Where gone resources are recorded. */
  log: DeletionLog;
  persistence?: GroupChildPersistence;
}

/** Statuses that count toward a group's quota: not failed, not going. */
const countsTowardQuota = (status: ChildStatus): boolean =>
  status !== resourceStatus.createFailed && !isDeleting(status);

/** What a group holds, in the order DeleteDatasetGroup names them. */
const heldKinds = [
  'eventTracker',
  'solution',
  'recommender',
  'filter',
  'metricAttribution',
] as const;

/** What keeps a group's datasets from being deleted. */
const datasetUsers = ['eventTracker', 'solution', 'recommender'] as const;

/** A tracking ID in the UUID form the service uses, from the tracker. */
const trackingIdOf = (arn: string, createdAtMs: number): string => {
  const hex = createHash('sha256')
    .update(`${arn} ${createdAtMs}`)
    .digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
};

/**
 * The resources dataset groups hold besides their datasets: event
 * trackers, filters, solutions and their versions, campaigns,
 * recommenders and metric attributions, with the rules that tie them to
 * their group and to each other (quotas, the deletion order). Every
 * method sweeps every kind first, so what is gone is gone everywhere.
 * Methods throw EmulatorError for what the service answers with an error.
 */
export class GroupChildren {
  readonly #options: GroupChildrenOptions;
  readonly #quotas: Record<QuotaKind, number>;
  readonly stores: ChildStores;

  constructor(options: GroupChildrenOptions) {
    this.#options = options;
    this.#quotas = { ...defaultChildQuotas, ...options.quotas };
    for (const [kind, quota] of Object.entries(this.#quotas)) {
      assertQuota(quota, `childQuotas.${kind}`);
    }
    const storeOf = <K extends ChildKind>(
      kind: K,
      onGone = options.log.record.bind(options.log),
    ): ChildStore<ChildAttributes[K]> =>
      new ChildStore<ChildAttributes[K]>({
        kind,
        clock: options.clock,
        timings: options.timings,
        onGone,
        ...(options.persistence !== undefined && {
          persistence: options.persistence[kind],
        }),
      });
    const solutionVersion = storeOf('solutionVersion');
    this.stores = {
      eventTracker: storeOf('eventTracker'),
      filter: storeOf('filter'),
      // A solution's versions go with it, at the same time.
      solution: storeOf('solution', (entry) => {
        solutionVersion.forgetWhere(
          (version) => version.parentArn === entry.arn,
          entry.goneAt,
        );
        options.log.record(entry);
      }),
      solutionVersion,
      campaign: storeOf('campaign'),
      recommender: storeOf('recommender'),
      metricAttribution: storeOf('metricAttribution'),
    };
  }

  /** The timings in force. */
  get timings(): ChildLifecycleTimings {
    return this.#options.timings;
  }

  createEventTracker(
    region: string,
    input: CreateEventTrackerInput,
  ): { eventTrackerArn: string; trackingId: string } {
    const now = this.sweep();
    const group = this.#activeGroup(
      region,
      input.datasetGroupArn,
      'eventTracker',
    );
    const arn = this.#arnFor(region, 'eventTracker', input.name);
    const trackingId = trackingIdOf(arn, now);
    this.#create('eventTracker', region, group, input, arn, {
      eventTrackerArn: arn,
      trackingId,
      accountId: this.#options.accountId,
    });
    return { eventTrackerArn: arn, trackingId };
  }

  createFilter(
    region: string,
    input: CreateFilterInput,
  ): { filterArn: string } {
    this.sweep();
    const group = this.#activeGroup(region, input.datasetGroupArn, 'filter');
    const arn = this.#arnFor(region, 'filter', input.name);
    this.#create('filter', region, group, input, arn, {
      filterArn: arn,
      filterExpression: input.filterExpression,
    });
    return { filterArn: arn };
  }

  createSolution(
    region: string,
    input: CreateSolutionInput,
  ): { solutionArn: string } {
    this.sweep();
    const { name, tags, datasetGroupArn, ...settings } = input;
    const group = this.#activeGroup(region, datasetGroupArn, 'solution');
    const arn = this.#arnFor(region, 'solution', name);
    this.#create('solution', region, group, input, arn, {
      ...settings,
      solutionArn: arn,
    });
    return { solutionArn: arn };
  }

  createSolutionVersion(
    region: string,
    input: CreateSolutionVersionInput,
  ): { solutionVersionArn: string } {
    const now = this.sweep();
    const solutions = this.stores.solution;
    const solution = this.#inRegion(solutions, region, input.solutionArn);
    const { status } = solutions.stateOf(solution);
    if (status !== resourceStatus.active) {
      throw resourceInUse(
        `Solution ${solution.arn} is ${status}; solution versions can be created once it is ACTIVE`,
      );
    }
    assertTagsFitOnCreate(input.tags);
    const versions = this.stores.solutionVersion;
    if (
      input.name !== undefined &&
      versions
        .records()
        .some(
          (version) =>
            version.parentArn === solution.arn &&
            version.attributes.versionName === input.name,
        )
    ) {
      throw resourceAlreadyExists(
        `Solution version with name ${input.name} already exists in solution ${solution.arn}`,
      );
    }
    const {
      solutionArn: _,
      performAutoTraining: __,
      ...settings
    } = solution.attributes;
    const record = versions.insert((sequence) => {
      const versionId = sequence.toString(16).padStart(8, '0');
      const arn = solutionVersionArnOf(solution.arn, versionId);
      const name = input.name ?? versionId;
      return {
        region,
        arn,
        name,
        datasetGroupArn: solution.datasetGroupArn,
        parentArn: solution.arn,
        createdAtMs: now,
        fate: this.#fateOf('solutionVersion', input.name ?? solution.name),
        tags: [...input.tags],
        attributes: {
          ...settings,
          solutionVersionArn: arn,
          solutionArn: solution.arn,
          ...(input.name !== undefined && { versionName: input.name }),
          trainingMode: input.trainingMode,
          trainingType: 'MANUAL',
        },
      };
    });
    return { solutionVersionArn: record.arn };
  }

  createCampaign(
    region: string,
    input: CreateCampaignInput,
  ): { campaignArn: string } {
    this.sweep();
    const versions = this.stores.solutionVersion;
    const version = this.#inRegion(versions, region, input.solutionVersionArn);
    const { status } = versions.stateOf(version);
    if (status !== resourceStatus.active) {
      throw resourceInUse(
        `Solution version ${version.arn} is ${status}; campaigns can be created once it is ACTIVE`,
      );
    }
    const group = this.#options.groups.describe(version.datasetGroupArn);
    const arn = this.#arnFor(region, 'campaign', input.name);
    this.#create(
      'campaign',
      region,
      group,
      input,
      arn,
      {
        campaignArn: arn,
        solutionVersionArn: version.arn,
        solutionArn: version.parentArn,
        minProvisionedTPS: input.minProvisionedTPS,
        ...(input.campaignConfig !== undefined && {
          campaignConfig: input.campaignConfig,
        }),
      },
      version.parentArn,
    );
    return { campaignArn: arn };
  }

  createRecommender(
    region: string,
    input: CreateRecommenderInput,
  ): { recommenderArn: string } {
    this.sweep();
    const group = this.#groupIn(region, input.datasetGroupArn);
    if (group.domain === undefined) {
      throw invalidInput(
        `Dataset group ${group.datasetGroupArn} has no domain: recommenders exist only in domain dataset groups (ECOMMERCE or VIDEO_ON_DEMAND); use a solution and a campaign in a custom dataset group`,
      );
    }
    this.#assertActive(group, 'recommender');
    const arn = this.#arnFor(region, 'recommender', input.name);
    this.#create('recommender', region, group, input, arn, {
      recommenderArn: arn,
      recipeArn: input.recipeArn,
      ...(input.recommenderConfig !== undefined && {
        recommenderConfig: input.recommenderConfig,
      }),
    });
    return { recommenderArn: arn };
  }

  createMetricAttribution(
    region: string,
    input: CreateMetricAttributionInput,
  ): { metricAttributionArn: string } {
    this.sweep();
    const group = this.#activeGroup(
      region,
      input.datasetGroupArn,
      'metricAttribution',
    );
    const arn = this.#arnFor(region, 'metricAttribution', input.name);
    this.#create(
      'metricAttribution',
      region,
      group,
      { name: input.name, tags: [] },
      arn,
      {
        metricAttributionArn: arn,
        metrics: input.metrics,
        metricsOutputConfig: input.metricsOutputConfig,
      },
    );
    return { metricAttributionArn: arn };
  }

  describe<K extends ChildKind>(kind: K, arn: string) {
    this.sweep();
    const store = this.stores[kind];
    return store.view(store.find(arn));
  }

  /** The newest version of a solution, if it has one. */
  latestVersionOf(
    solutionArn: string,
  ): EmulatedSolutionVersionView | undefined {
    this.sweep();
    const versions = this.stores.solutionVersion;
    const latest = versions
      .records()
      .filter((version) => version.parentArn === solutionArn)
      .at(-1);
    return latest === undefined ? undefined : versions.view(latest);
  }

  list<K extends ChildKind>(kind: K, region: string, input: ListChildrenInput) {
    this.sweep();
    if (kind === 'solutionVersion' && input.parentArn !== undefined) {
      this.stores.solution.find(input.parentArn);
    }
    return this.stores[kind].list(region, input);
  }

  /**
   * Starts the deletion of a resource: refused (ResourceInUseException)
   * while it is being created, stopped, started or deleted, and for a
   * solution while a campaign uses one of its versions or a version is
   * still training (or stopping).
   */
  delete(kind: Exclude<ChildKind, 'solutionVersion'>, arn: string): void {
    const now = this.sweep();
    const store: ChildStore<unknown> = this.stores[kind];
    const record = store.find(arn);
    const resumeStatus = store.assertDeletable(record);
    if (kind === 'solution') this.#assertSolutionUnused(arn);
    store.act(record, {
      kind: 'delete',
      atMs: now,
      fate: this.#options.deletionFateOf?.(kind, record.name) ?? goneFate,
      resumeStatus,
    });
  }

  /**
   * CREATE PENDING → CREATE STOPPED, CREATE IN_PROGRESS → CREATE STOPPING
   * → CREATE STOPPED (the API reference); in any other status
   * ResourceInUseException.
   */
  stopSolutionVersionCreation(arn: string): void {
    const now = this.sweep();
    const versions = this.stores.solutionVersion;
    const version = versions.find(arn);
    const { status } = versions.stateOf(version);
    if (
      status !== resourceStatus.createPending &&
      status !== resourceStatus.createInProgress
    ) {
      throw resourceInUse(
        `Solution version ${arn} is ${status}; only a solution version in CREATE PENDING or CREATE IN_PROGRESS can be stopped`,
      );
    }
    versions.act(version, { kind: 'stopCreation', atMs: now, from: status });
  }

  /** ACTIVE → STOP PENDING → STOP IN_PROGRESS → INACTIVE. */
  stopRecommender(arn: string): { recommenderArn: string } {
    return this.#switchRecommender(arn, 'stop', resourceStatus.active);
  }

  /** INACTIVE → START PENDING → START IN_PROGRESS → ACTIVE. */
  startRecommender(arn: string): { recommenderArn: string } {
    return this.#switchRecommender(arn, 'start', resourceStatus.inactive);
  }

  /** The store that holds a taggable ARN of one of these kinds, if any. */
  taggableFor(arn: string): TaggableStore | undefined {
    const store = this.#storeOfArn(arn);
    if (store === undefined) return undefined;
    const sweep = () => this.sweep();
    return {
      tagResource: (resourceArn, tags) => {
        sweep();
        store.tagResource(resourceArn, tags);
      },
      untagResource: (resourceArn, tagKeys) => {
        sweep();
        store.untagResource(resourceArn, tagKeys);
      },
      listTags: (resourceArn): Tag[] => {
        sweep();
        return store.listTags(resourceArn);
      },
    };
  }

  /**
   * What a group still holds ("1 event tracker", "2 solutions", …), in
   * any status until it is gone; empty when it holds none of these.
   */
  contentsOf(datasetGroupArn: string): string[] {
    return this.#countsIn(datasetGroupArn, heldKinds);
  }

  /** The recommenders, solutions and event trackers a group's datasets serve. */
  datasetUsersIn(datasetGroupArn: string): string[] {
    return this.#countsIn(datasetGroupArn, datasetUsers);
  }

  /** Forgets what is gone (recording it in the log); returns the time. */
  sweep(): number {
    let now = 0;
    for (const kind of childKinds) now = this.stores[kind].sweep();
    return now;
  }

  views<K extends ChildKind>(kind: K) {
    this.sweep();
    return this.stores[kind].views();
  }

  clear(): void {
    for (const kind of childKinds) this.stores[kind].clear();
  }

  setTimings(timings: ChildLifecycleTimings): void {
    this.#options.timings = timings;
    for (const kind of childKinds) this.stores[kind].setTimings(timings);
  }

  #countsIn(datasetGroupArn: string, kinds: readonly QuotaKind[]): string[] {
    this.sweep();
    return kinds.flatMap((kind) => {
      const count = this.stores[kind]
        .records()
        .filter((record) => record.datasetGroupArn === datasetGroupArn).length;
      return count === 0 ? [] : [countOf(count, childNouns[kind])];
    });
  }

  #storeOfArn(arn: string): ChildStore<unknown> | undefined {
    switch (resourceTypeOf(arn)) {
      case 'event-tracker':
        return this.stores.eventTracker;
      case 'filter':
        return this.stores.filter;
      case 'solution':
        return isSolutionVersionArn(arn)
          ? this.stores.solutionVersion
          : this.stores.solution;
      case 'campaign':
        return this.stores.campaign;
      case 'recommender':
        return this.stores.recommender;
      case 'metric-attribution':
        return this.stores.metricAttribution;
      default:
        return undefined;
    }
  }

  #switchRecommender(
    arn: string,
    kind: 'stop' | 'start',
    from: ChildStatus,
  ): { recommenderArn: string } {
    const now = this.sweep();
    const recommenders = this.stores.recommender;
    const recommender = recommenders.find(arn);
    const { status } = recommenders.stateOf(recommender);
    if (status !== from) {
      throw resourceInUse(
        `Recommender ${arn} is ${status}; only a recommender in ${from} can be ${kind === 'stop' ? 'stopped' : 'started'}`,
      );
    }
    recommenders.act(recommender, { kind, atMs: now });
    return { recommenderArn: arn };
  }

  /** DeleteSolution: no campaign on a version, no version still training. */
  #assertSolutionUnused(solutionArn: string): void {
    const versions = this.stores.solutionVersion;
    const own = versions
      .records()
      .filter((version) => version.parentArn === solutionArn);
    const campaigns = this.stores.campaign
      .records()
      .filter((campaign) => campaign.parentArn === solutionArn)
      .map((campaign) => campaign.arn);
    if (campaigns.length > 0) {
      throw resourceInUse(
        `Solution ${solutionArn} is used by ${countOf(campaigns.length, childNouns.campaign)} (${campaigns.join(', ')}); delete the campaigns first`,
      );
    }
    for (const version of own) {
      const { status } = versions.stateOf(version);
      if (isUnderway(status) || status === resourceStatus.createStopping) {
        throw resourceInUse(
          `Solution ${solutionArn} has solution version ${version.arn} in ${status}; stop it with StopSolutionVersionCreation or wait until it is ACTIVE or CREATE FAILED`,
        );
      }
    }
  }

  /** The group, which must exist in the call's region. */
  #groupIn(region: string, datasetGroupArn: string): EmulatedDatasetGroupView {
    const group = this.#options.groups.describe(datasetGroupArn);
    if (group.region !== region) {
      throw resourceNotFound(`Could not find resource ${datasetGroupArn}`);
    }
    return group;
  }

  #assertActive(group: EmulatedDatasetGroupView, kind: ChildKind): void {
    if (group.status !== datasetGroupStatus.active) {
      throw resourceInUse(
        `Dataset group ${group.datasetGroupArn} is ${group.status}; ${childNouns[kind].many} can be added once it is ACTIVE`,
      );
    }
  }

  #activeGroup(region: string, datasetGroupArn: string, kind: ChildKind) {
    const group = this.#groupIn(region, datasetGroupArn);
    this.#assertActive(group, kind);
    return group;
  }

  #inRegion<A>(store: ChildStore<A>, region: string, arn: string) {
    const record = store.find(arn);
    if (record.region !== region) {
      throw resourceNotFound(`Could not find resource ${arn}`);
    }
    return record;
  }

  #arnFor(
    region: string,
    kind: Exclude<ChildKind, 'solutionVersion'>,
    name: string,
  ): string {
    return childArnOf(region, this.#options.accountId, kind, name);
  }

  #fateOf(kind: ChildKind, name: string): CreationFate {
    return this.#options.fateOf?.(kind, name) ?? activeFate;
  }

  /** Tags, the name, the group's quota; then the new resource. */
  #create<K extends QuotaKind>(
    kind: K,
    region: string,
    group: EmulatedDatasetGroupView,
    input: { name: string; tags: readonly Tag[] },
    arn: string,
    attributes: ChildAttributes[K],
    parentArn = group.datasetGroupArn,
  ): StoredChild<ChildAttributes[K]> {
    const store: ChildStore<ChildAttributes[K]> = this.stores[kind];
    assertTagsFitOnCreate(input.tags);
    if (store.has(arn)) {
      throw resourceAlreadyExists(
        `${store.label} with name ${input.name} already exists`,
      );
    }
    const quota = this.#quotas[kind];
    const counted = store
      .records()
      .filter(
        (record) =>
          record.datasetGroupArn === group.datasetGroupArn &&
          countsTowardQuota(store.stateOf(record).status),
      ).length;
    if (counted >= quota) {
      throw limitExceeded(
        `You have reached the limit of ${countOf(quota, childNouns[kind])} in dataset group ${group.datasetGroupArn}`,
      );
    }
    return store.insert(() => ({
      region,
      arn,
      name: input.name,
      datasetGroupArn: group.datasetGroupArn,
      parentArn,
      createdAtMs: this.#options.clock.now(),
      fate: this.#fateOf(kind, input.name),
      tags: [...input.tags],
      attributes,
    }));
  }
}
