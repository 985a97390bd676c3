import { PersonalizeClient } from '@aws-sdk/client-personalize';

/**
 * One Personalize client per execution environment, created at cold start.
 * Region, credentials and endpoint come from the environment, so the same
 * code reaches AWS or the local emulator (AWS_ENDPOINT_URL_PERSONALIZE).
 */
export const personalizeClient = new PersonalizeClient({});
