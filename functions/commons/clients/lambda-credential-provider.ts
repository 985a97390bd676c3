import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Swapped in, at bundle time, for `@aws-sdk/credential-provider-node`
 * (serverless.yml esbuild `alias`): in Lambda the credentials are always
 * in the environment, so the chain of SSO, profile, process, web-identity
 * and instance-metadata providers is dead weight at cold start.
 */
export const defaultProvider = () => fromEnv();
