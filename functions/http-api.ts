import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { paginateListDatasetGroups } from '@aws-sdk/client-personalize';
import {
  DescribeExecutionCommand,
  ExecutionDoesNotExist,
} from '@aws-sdk/client-sfn';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { personalizeDatasetGroups } from '#commons/clients/personalize-dataset-groups.ts';
import { sfnClient } from '#commons/clients/sfn.ts';
import {
  validateDatasetGroupRequest,
  validateDeleteRequest,
} from '#commons/dataset-group/validate-request.ts';
import { getStringFromEnv } from '#commons/env.ts';
import {
  DatasetGroupNotFoundError,
  InvalidDatasetGroupRequestError,
  PersonalizeThrottledError,
} from '#commons/errors.ts';
import { datasetGroupArnOf, executionArnOf } from '#commons/executions/arns.ts';
import {
  executionNameFromIdempotencyKey,
  isValidExecutionName,
  isValidIdempotencyKey,
  randomExecutionName,
} from '#commons/executions/execution-names.ts';
import {
  ExecutionNameConflictError,
  startWorkflow,
} from '#commons/executions/start-workflow.ts';
import { readJsonBody } from '#commons/http/read-json-body.ts';
import { type HttpResponse, json, problem } from '#commons/http/responses.ts';
import { logger } from '#commons/powertools/logger.ts';
import {
  MetricUnit,
  metricNames,
  metrics,
} from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const createStateMachineArn = getStringFromEnv('STATE_MACHINE_ARN');
const deleteStateMachineArn = getStringFromEnv('DELETE_STATE_MACHINE_ARN');
const datasetGroups = personalizeDatasetGroups(personalizeClient);

const statusUrl = (executionName: string) => `/executions/${executionName}`;

/** POST /dataset-groups: validate, then start the create workflow. */
const createDatasetGroup = async (
  event: APIGatewayProxyEventV2,
): Promise<HttpResponse> => {
  const body = readJsonBody(event);
  if (!body.ok) return problem(body.status, body.message, body.errors);
  const request = validateDatasetGroupRequest(body.body);
  const key = event.headers['idempotency-key'];
  if (key !== undefined && !isValidIdempotencyKey(key)) {
    return problem(400, 'Invalid Idempotency-Key header', [
      {
        field: 'Idempotency-Key',
        message: 'must be 1 to 255 printable ASCII characters',
      },
    ]);
  }
  const executionName =
    key === undefined
      ? randomExecutionName('api')
      : executionNameFromIdempotencyKey(key);
  try {
    const started = await startWorkflow(
      sfnClient,
      createStateMachineArn,
      executionName,
      request,
    );
    metrics.addMetric(metricNames.executionStarted, MetricUnit.Count, 1);
    return json(202, {
      executionArn: started.executionArn,
      executionName,
      datasetGroupArn: datasetGroupArnOf(createStateMachineArn, request.name),
      statusUrl: statusUrl(executionName),
      ...(started.replay ? { idempotentReplay: true } : {}),
    });
  } catch (error) {
    if (error instanceof ExecutionNameConflictError) {
      return problem(
        409,
        'This Idempotency-Key was already used with another request body',
      );
    }
    throw error;
  }
};

/** DELETE /dataset-groups/{name}: start the delete workflow. */
const deleteDatasetGroup = async (name: string): Promise<HttpResponse> => {
  const request = validateDeleteRequest({ name });
  await datasetGroups.describe(
    datasetGroupArnOf(createStateMachineArn, request.name),
    request.name,
  );
  const executionName = randomExecutionName('delete');
  const started = await startWorkflow(
    sfnClient,
    deleteStateMachineArn,
    executionName,
    request,
  );
  metrics.addMetric(metricNames.executionStarted, MetricUnit.Count, 1);
  return json(202, {
    executionArn: started.executionArn,
    executionName,
    statusUrl: statusUrl(executionName),
  });
};

const getDatasetGroup = async (name: string): Promise<HttpResponse> => {
  const request = validateDeleteRequest({ name });
  const group = await datasetGroups.describe(
    datasetGroupArnOf(createStateMachineArn, request.name),
    request.name,
  );
  return json(200, group);
};

const listDatasetGroups = async (): Promise<HttpResponse> => {
  const summaries = [];
  for await (const page of paginateListDatasetGroups(
    { client: personalizeClient },
    {},
  )) {
    for (const group of page.datasetGroups ?? []) {
      summaries.push({
        name: group.name,
        datasetGroupArn: group.datasetGroupArn,
        status: group.status,
        ...(group.domain === undefined ? {} : { domain: group.domain }),
        creationDateTime: group.creationDateTime?.toISOString(),
        lastUpdatedDateTime: group.lastUpdatedDateTime?.toISOString(),
        ...(group.failureReason === undefined
          ? {}
          : { failureReason: group.failureReason }),
      });
    }
  }
  return json(200, { datasetGroups: summaries });
};

const parseJson = (text: string | undefined): unknown => {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** GET /executions/{executionName}: a create or delete run's status. */
const getExecution = async (executionName: string): Promise<HttpResponse> => {
  if (!isValidExecutionName(executionName)) {
    return problem(400, 'Invalid execution name', [
      {
        field: 'executionName',
        message: 'must be 1 to 80 letters, digits, "-" or "_"',
      },
    ]);
  }
  for (const stateMachineArn of [
    createStateMachineArn,
    deleteStateMachineArn,
  ]) {
    try {
      const execution = await sfnClient.send(
        new DescribeExecutionCommand({
          executionArn: executionArnOf(stateMachineArn, executionName),
        }),
      );
      return json(200, {
        executionArn: execution.executionArn,
        executionName,
        status: execution.status,
        startDate: execution.startDate?.toISOString(),
        ...(execution.stopDate === undefined
          ? {}
          : { stopDate: execution.stopDate.toISOString() }),
        input: parseJson(execution.input),
        ...(execution.output === undefined
          ? {}
          : { output: parseJson(execution.output) }),
        ...(execution.error === undefined ? {} : { error: execution.error }),
        ...(execution.cause === undefined ? {} : { cause: execution.cause }),
      });
    } catch (error) {
      if (!(error instanceof ExecutionDoesNotExist)) throw error;
    }
  }
  return problem(404, `No execution named ${executionName}`);
};

const route = (event: APIGatewayProxyEventV2): Promise<HttpResponse> => {
  const name = event.pathParameters?.name ?? '';
  switch (event.routeKey) {
    case 'POST /dataset-groups':
      return createDatasetGroup(event);
    case 'GET /dataset-groups':
      return listDatasetGroups();
    case 'GET /dataset-groups/{name}':
      return getDatasetGroup(name);
    case 'DELETE /dataset-groups/{name}':
      return deleteDatasetGroup(name);
    case 'GET /executions/{executionName}':
      return getExecution(event.pathParameters?.executionName ?? '');
    default:
      return Promise.resolve(problem(404, `No route ${event.routeKey}`));
  }
};

/**
 * The HTTP API (payload format 2.0). Every answer is JSON; errors are
 * `{message, errors?}` with per-field errors for a rejected request.
 */
const httpApi = async (
  event: APIGatewayProxyEventV2,
): Promise<HttpResponse> => {
  try {
    return await route(event);
  } catch (error) {
    if (error instanceof InvalidDatasetGroupRequestError) {
      metrics.addMetric(metricNames.requestRejected, MetricUnit.Count, 1);
      return problem(400, 'Invalid dataset group request', error.issues);
    }
    if (error instanceof DatasetGroupNotFoundError) {
      return problem(404, error.message);
    }
    if (
      error instanceof PersonalizeThrottledError ||
      (error as { name?: string }).name === 'ThrottlingException'
    ) {
      return problem(429, 'Too many requests; retry later', undefined, {
        'retry-after': '1',
      });
    }
    logger.error('Unexpected error', { error: error as Error });
    return problem(500, 'Internal error');
  }
};

export const handler = middy(httpApi)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(httpHeaderNormalizer());
