import { Tracer } from '@aws-lambda-powertools/tracer';
import { serviceName } from './logger.ts';

/**
 * X-Ray tracer. Outside Lambda (tests, the local stack) it is disabled by
 * itself; POWERTOOLS_TRACE_ENABLED=false turns it off anywhere.
 */
export const tracer = new Tracer({ serviceName });
