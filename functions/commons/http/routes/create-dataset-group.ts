import { validateDatasetGroupRequest } from '../../dataset-group/validate-request.ts';
import { datasetGroupArnOf } from '../../executions/arns.ts';
import {
  executionNameFromIdempotencyKey,
  randomExecutionName,
} from '../../executions/execution-names.ts';
import {
  ExecutionNameConflictError,
  findOrStartWorkflow,
  startWorkflow,
} from '../../executions/start-workflow.ts';
import { metricNames } from '../../powertools/metrics.ts';
import { HttpProblemError } from '../http-problem-error.ts';
import { readIdempotencyKey } from '../idempotency-key.ts';
import { readJsonBody } from '../read-json-body.ts';
import { json } from '../responses.ts';
import {
  type HttpApiDependencies,
  type HttpRoute,
  statusUrlOf,
} from './http-route.ts';

/**
 * POST /dataset-groups: validate, then start the create workflow. The
 * same Idempotency-Key always names the same execution: a request that
 * finds it (running or finished) with the same body answers it with
 * `idempotentReplay: true`, with another body 409.
 */
export const createDatasetGroupRoute =
  (
    deps: Pick<HttpApiDependencies, 'sfn' | 'createStateMachineArn' | 'count'>,
  ): HttpRoute =>
  async (event) => {
    const request = validateDatasetGroupRequest(readJsonBody(event));
    const key = readIdempotencyKey(event);
    // A random name is new; a key's name may be taken by an earlier request.
    const [executionName, start] =
      key === undefined
        ? [randomExecutionName('api'), startWorkflow]
        : [executionNameFromIdempotencyKey(key), findOrStartWorkflow];
    const started = await start(
      deps.sfn,
      deps.createStateMachineArn,
      executionName,
      request,
    ).catch((error: unknown) => {
      if (!(error instanceof ExecutionNameConflictError)) throw error;
      throw new HttpProblemError(
        409,
        'This Idempotency-Key was already used with another request body',
        { cause: error },
      );
    });
    deps.count(
      started.replay
        ? metricNames.duplicateExecutionIgnored
        : metricNames.executionStarted,
    );
    return json(202, {
      executionArn: started.executionArn,
      executionName,
      datasetGroupArn: datasetGroupArnOf(
        deps.createStateMachineArn,
        request.name,
      ),
      statusUrl: statusUrlOf(executionName),
      ...(started.replay ? { idempotentReplay: true } : {}),
    });
  };
