import { InvalidEventEnvelopeError } from '../errors.ts';
import type { EventBridgeEnvelope } from '../events/eventbridge-envelope.ts';
import { isValidExecutionName } from '../executions/execution-names.ts';

/** What starts a create-datasets run for a `Dataset Group Created` event. */
export interface DatasetsTrigger {
  /**
   * The group execution's own name: a second delivery of the event, or a
   * second Created event of the same run, names the same datasets
   * execution (names are unique per state machine), so it starts once.
   */
  executionName: string;
  input: { name: string; datasets: unknown; correlationId?: string };
}

/**
 * The create-datasets input of a `Dataset Group Created` event whose
 * request declares datasets: the group's name, the declarations as the
 * request gave them (validated again by PrepareDatasets) and the run's
 * correlation id. undefined when the request declares none.
 */
export const datasetsTriggerOf = (
  envelope: EventBridgeEnvelope,
): DatasetsTrigger | undefined => {
  const detail = envelope.detail as {
    datasetGroup?: { name?: unknown };
    request?: { datasets?: unknown };
    executionArn?: unknown;
    correlationId?: unknown;
  } | null;
  const datasets = detail?.request?.datasets;
  if (!Array.isArray(datasets) || datasets.length === 0) return undefined;
  const name = detail?.datasetGroup?.name;
  const executionName =
    typeof detail?.executionArn === 'string'
      ? detail.executionArn.split(':').at(-1)
      : undefined;
  const issues = [
    ...(typeof name === 'string' && name !== ''
      ? []
      : [{ field: 'detail.datasetGroup.name', message: 'is required' }]),
    ...(executionName !== undefined && isValidExecutionName(executionName)
      ? []
      : [
          {
            field: 'detail.executionArn',
            message: 'must be the ARN of a Step Functions execution',
          },
        ]),
  ];
  if (issues.length > 0) throw new InvalidEventEnvelopeError(issues);
  return {
    executionName: executionName as string,
    input: {
      name: name as string,
      datasets,
      ...(typeof detail?.correlationId === 'string' && {
        correlationId: detail.correlationId,
      }),
    },
  };
};
