import {
  kmsKeyArnMaxLength,
  kmsKeyArnPattern,
  roleArnMaxLength,
  roleArnPattern,
} from '#commons/dataset-group/constraints.ts';
import {
  type JsonObject,
  type MetricAttribute,
  type MetricsOutputConfig,
  type SolutionSettings,
  type TrainingMode,
  trainingModes,
} from './child-persistence.ts';
import { invalidInput } from './emulator-error.ts';
import {
  checkBoolean,
  checkEnum,
  checkInteger,
  checkList,
  checkString,
  isObject,
  type RequestBody,
  Violations,
} from './field-rules.ts';
import { arnRule } from './parse-requests.ts';
import { nameRule } from './parse-schema-requests.ts';
import { assertUsableTagKeys, checkTags, type Tag } from './tag-rules.ts';

/** What every Create* of a group's resource takes. */
export interface NamedCreateInput {
  name: string;
  tags: Tag[];
}

export interface CreateEventTrackerInput extends NamedCreateInput {
  datasetGroupArn: string;
}

export interface CreateFilterInput extends NamedCreateInput {
  datasetGroupArn: string;
  filterExpression: string;
}

export interface CreateSolutionInput
  extends NamedCreateInput,
    SolutionSettings {
  datasetGroupArn: string;
}

export interface CreateSolutionVersionInput {
  name?: string;
  solutionArn: string;
  /** FULL when the request leaves it out, as the service documents. */
  trainingMode: TrainingMode;
  tags: Tag[];
}

export interface CreateCampaignInput extends NamedCreateInput {
  solutionVersionArn: string;
  /** 1 when the request leaves it out, as the service documents. */
  minProvisionedTPS: number;
  campaignConfig?: JsonObject;
}

export interface CreateRecommenderInput extends NamedCreateInput {
  datasetGroupArn: string;
  recipeArn: string;
  recommenderConfig?: JsonObject;
}

export interface CreateMetricAttributionInput {
  name: string;
  datasetGroupArn: string;
  metrics: MetricAttribute[];
  metricsOutputConfig: MetricsOutputConfig;
}

/** FilterExpression: len 1..2500. */
const filterExpressionRule = { required: true, minLength: 1, maxLength: 2500 };
/** EventType, MetricName, MetricExpression: len 0..256. */
const shortText = { maxLength: 256 };
/** S3Location: len 0..256, `(s3|http|https)://.+` (full match). */
const s3LocationRule = {
  required: true,
  maxLength: 256,
  pattern: /^(s3|http|https):\/\/.+$/,
};
/** TransactionsPerSecond: an integer >= 1. */
const transactionsPerSecond = { min: 1, max: Number.MAX_SAFE_INTEGER };
/** MetricAttributes: at most 10. */
const maxMetrics = 10;

const optionalArn = { ...arnRule, required: false };

/** A structure member, kept as sent; undefined when absent. */
const checkStructure = (
  violations: Violations,
  path: string,
  value: unknown,
  required = false,
): JsonObject | undefined => {
  if (value === undefined || value === null) {
    if (required) violations.add(path, value, 'must not be null');
    return undefined;
  }
  if (!isObject(value)) {
    violations.add(path, value, 'must be a structure');
    return undefined;
  }
  return { ...value };
};

/** A member the checks above already found present. */
const present = <T>(value: T | undefined, member: string): T => {
  if (value === undefined) throw invalidInput(`${member} is required`);
  return value;
};

/** Checks `name` and `tags`, then `more`; throws every violation at once. */
const parseNamed = <T>(
  body: RequestBody,
  more: (violations: Violations) => T,
): NamedCreateInput & T => {
  const violations = new Violations();
  const name = checkString(violations, 'name', body.name, nameRule);
  const rest = more(violations);
  const tags = checkTags(violations, 'tags', body.tags, false) ?? [];
  violations.throwIfAny();
  assertUsableTagKeys(tags.map((tag) => tag.tagKey));
  return { name: present(name, 'name'), tags, ...rest };
};

const groupArnOf = (violations: Violations, body: RequestBody) =>
  checkString(violations, 'datasetGroupArn', body.datasetGroupArn, arnRule);

export const parseCreateEventTracker = (
  body: RequestBody,
): CreateEventTrackerInput => {
  const input = parseNamed(body, (violations) => ({
    datasetGroupArn: groupArnOf(violations, body),
  }));
  return {
    ...input,
    datasetGroupArn: present(input.datasetGroupArn, 'datasetGroupArn'),
  };
};

export const parseCreateFilter = (body: RequestBody): CreateFilterInput => {
  const input = parseNamed(body, (violations) => ({
    datasetGroupArn: groupArnOf(violations, body),
    filterExpression: checkString(
      violations,
      'filterExpression',
      body.filterExpression,
      filterExpressionRule,
    ),
  }));
  return {
    ...input,
    datasetGroupArn: present(input.datasetGroupArn, 'datasetGroupArn'),
    filterExpression: present(input.filterExpression, 'filterExpression'),
  };
};

const solutionFlags = [
  'performHPO',
  'performAutoML',
  'performAutoTraining',
  'performIncrementalUpdate',
] as const;

export const parseCreateSolution = (body: RequestBody): CreateSolutionInput => {
  const input = parseNamed(body, (violations) => {
    const settings: SolutionSettings = {};
    for (const flag of solutionFlags) {
      const value = checkBoolean(violations, flag, body[flag]);
      if (value !== undefined) settings[flag] = value;
    }
    const recipeArn = checkString(
      violations,
      'recipeArn',
      body.recipeArn,
      optionalArn,
    );
    const eventType = checkString(
      violations,
      'eventType',
      body.eventType,
      shortText,
    );
    const solutionConfig = checkStructure(
      violations,
      'solutionConfig',
      body.solutionConfig,
    );
    return {
      datasetGroupArn: groupArnOf(violations, body),
      ...settings,
      ...(recipeArn !== undefined && { recipeArn }),
      ...(eventType !== undefined && { eventType }),
      ...(solutionConfig !== undefined && { solutionConfig }),
    };
  });
  return {
    ...input,
    datasetGroupArn: present(input.datasetGroupArn, 'datasetGroupArn'),
  };
};

export const parseCreateSolutionVersion = (
  body: RequestBody,
): CreateSolutionVersionInput => {
  const violations = new Violations();
  const name = checkString(violations, 'name', body.name, {
    ...nameRule,
    required: false,
  });
  const solutionArn = checkString(
    violations,
    'solutionArn',
    body.solutionArn,
    arnRule,
  );
  const trainingMode = checkEnum(
    violations,
    'trainingMode',
    body.trainingMode,
    trainingModes,
  );
  const tags = checkTags(violations, 'tags', body.tags, false) ?? [];
  violations.throwIfAny();
  assertUsableTagKeys(tags.map((tag) => tag.tagKey));
  return {
    ...(name !== undefined && { name }),
    solutionArn: present(solutionArn, 'solutionArn'),
    trainingMode: trainingMode ?? 'FULL',
    tags,
  };
};

export const parseCreateCampaign = (body: RequestBody): CreateCampaignInput => {
  const input = parseNamed(body, (violations) => {
    const campaignConfig = checkStructure(
      violations,
      'campaignConfig',
      body.campaignConfig,
    );
    return {
      solutionVersionArn: checkString(
        violations,
        'solutionVersionArn',
        body.solutionVersionArn,
        arnRule,
      ),
      minProvisionedTPS:
        checkInteger(
          violations,
          'minProvisionedTPS',
          body.minProvisionedTPS,
          transactionsPerSecond,
        ) ?? 1,
      ...(campaignConfig !== undefined && { campaignConfig }),
    };
  });
  return {
    ...input,
    solutionVersionArn: present(input.solutionVersionArn, 'solutionVersionArn'),
  };
};

export const parseCreateRecommender = (
  body: RequestBody,
): CreateRecommenderInput => {
  const input = parseNamed(body, (violations) => {
    const recommenderConfig = checkStructure(
      violations,
      'recommenderConfig',
      body.recommenderConfig,
    );
    if (recommenderConfig !== undefined) {
      checkInteger(
        violations,
        'recommenderConfig.minRecommendationRequestsPerSecond',
        recommenderConfig.minRecommendationRequestsPerSecond,
        transactionsPerSecond,
      );
    }
    return {
      datasetGroupArn: groupArnOf(violations, body),
      recipeArn: checkString(violations, 'recipeArn', body.recipeArn, arnRule),
      ...(recommenderConfig !== undefined && { recommenderConfig }),
    };
  });
  return {
    ...input,
    datasetGroupArn: present(input.datasetGroupArn, 'datasetGroupArn'),
    recipeArn: present(input.recipeArn, 'recipeArn'),
  };
};

const checkMetrics = (
  violations: Violations,
  value: unknown,
): MetricAttribute[] => {
  const items = checkList(violations, 'metrics', value, {
    required: true,
    maxItems: maxMetrics,
  });
  const metrics: MetricAttribute[] = [];
  items?.forEach((item, index) => {
    const at = `metrics.${index + 1}.member`;
    if (!isObject(item)) {
      violations.add(at, item, 'must be a structure');
      return;
    }
    const [eventType, metricName, expression] = (
      ['eventType', 'metricName', 'expression'] as const
    ).map((member) =>
      checkString(violations, `${at}.${member}`, item[member], {
        ...shortText,
        required: true,
      }),
    );
    if (
      eventType !== undefined &&
      metricName !== undefined &&
      expression !== undefined
    ) {
      metrics.push({ eventType, metricName, expression });
    }
  });
  return metrics;
};

const checkOutputConfig = (
  violations: Violations,
  value: unknown,
): MetricsOutputConfig | undefined => {
  const config = checkStructure(violations, 'metricsOutputConfig', value, true);
  if (config === undefined) return undefined;
  const roleArn = checkString(
    violations,
    'metricsOutputConfig.roleArn',
    config.roleArn,
    { required: true, maxLength: roleArnMaxLength, pattern: roleArnPattern },
  );
  const destination = checkStructure(
    violations,
    'metricsOutputConfig.s3DataDestination',
    config.s3DataDestination,
  );
  let s3DataDestination: MetricsOutputConfig['s3DataDestination'];
  if (destination !== undefined) {
    const path = checkString(
      violations,
      'metricsOutputConfig.s3DataDestination.path',
      destination.path,
      s3LocationRule,
    );
    const kmsKeyArn = checkString(
      violations,
      'metricsOutputConfig.s3DataDestination.kmsKeyArn',
      destination.kmsKeyArn,
      { maxLength: kmsKeyArnMaxLength, pattern: kmsKeyArnPattern },
    );
    if (path !== undefined) {
      s3DataDestination = {
        path,
        ...(kmsKeyArn !== undefined && { kmsKeyArn }),
      };
    }
  }
  return roleArn === undefined
    ? undefined
    : {
        roleArn,
        ...(s3DataDestination !== undefined && { s3DataDestination }),
      };
};

export const parseCreateMetricAttribution = (
  body: RequestBody,
): CreateMetricAttributionInput => {
  const violations = new Violations();
  const name = checkString(violations, 'name', body.name, nameRule);
  const datasetGroupArn = groupArnOf(violations, body);
  const metrics = checkMetrics(violations, body.metrics);
  const metricsOutputConfig = checkOutputConfig(
    violations,
    body.metricsOutputConfig,
  );
  violations.throwIfAny();
  return {
    name: present(name, 'name'),
    datasetGroupArn: present(datasetGroupArn, 'datasetGroupArn'),
    metrics,
    metricsOutputConfig: present(metricsOutputConfig, 'metricsOutputConfig'),
  };
};
