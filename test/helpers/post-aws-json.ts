/** An awsJson answer: the HTTP status and the decoded JSON body. */
export interface AwsJsonAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * POSTs `body` (text, sent as is) to an awsJson endpoint with
 * `X-Amz-Target: <target>`, as an SDK client would without its checks.
 */
export const postAwsJson = async (
  endpoint: string,
  target: string,
  body: string,
  contentType = 'application/x-amz-json-1.1',
): Promise<AwsJsonAnswer> => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-amz-target': target },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
};

/** `levels` objects nested in one another around a number. */
export const nestedObjects = (levels: number): string =>
  `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
