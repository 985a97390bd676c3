import { validateDatasetGroupRequest } from '#commons/dataset-group/validate-request.ts';
import { requestedEventHandler } from '#commons/executions/requested-event-handler.ts';

/** Target of the rule for `Dataset Group Create Requested`. */
export const handler = requestedEventHandler({
  stateMachineVariable: 'STATE_MACHINE_ARN',
  validate: validateDatasetGroupRequest,
});
