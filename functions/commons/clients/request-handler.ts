/**
 * The HTTP settings of every SDK client: a call that hangs is cut well
 * inside the function's timeout, so it fails as an unavailable service
 * (retried) instead of timing the function out.
 */
export const requestHandler = {
  requestTimeout: 10_000,
  connectionTimeout: 3_000,
};
