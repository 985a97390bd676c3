import type { Context } from 'aws-lambda';
import { bindLambdaHandler } from '../runtime/lambda-binding.ts';
import type { LambdaFaults } from '../runtime/lambda-faults.ts';
import type { RuleTarget } from './rule-dispatcher.ts';

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * A Lambda handler as a rule target, invoked the way the Lambda service
 * does (JSON boundary, a Lambda context, injected faults); a thrown error
 * fails the delivery, which the dispatcher retries, then dead-letters.
 */
export const lambdaTarget = (
  handler: LambdaHandler,
  functionName: string,
  faults?: LambdaFaults,
): RuleTarget => {
  const invoke = bindLambdaHandler(handler, functionName, faults);
  return async (event) => invoke(event as never);
};
