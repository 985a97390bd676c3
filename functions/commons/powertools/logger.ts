import { Logger } from '@aws-lambda-powertools/logger';

/** Default service name; POWERTOOLS_SERVICE_NAME overrides it. */
export const serviceName = 'personalize-dataset-groups';

/** Structured JSON logger shared by every handler. */
export const logger = new Logger({ serviceName });
