import { Logger } from '@aws-lambda-powertools/logger';

export const serviceName = 'personalize-dataset-groups';

/** Structured JSON logger shared by every handler. */
export const logger = new Logger({ serviceName });
