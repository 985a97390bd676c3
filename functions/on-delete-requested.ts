import { validateDeleteRequest } from '#commons/dataset-group/validate-request.ts';
import { requestedEventHandler } from '#commons/executions/requested-event-handler.ts';

/** Target of the rule for `Dataset Group Delete Requested`. */
export const handler = requestedEventHandler({
  stateMachineVariable: 'DELETE_STATE_MACHINE_ARN',
  validate: validateDeleteRequest,
});
