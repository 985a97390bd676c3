/**
 * A typed client of the workflow's HTTP API (local or deployed): the
 * routes of functions/http-api.ts. `send` is swappable so a deployed stage
 * can sign requests with SigV4.
 */
export type Send = (request: Request) => Promise<Response>;

/** The API answered with an error status; `body` is its JSON answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown, what: string) {
    const message =
      (body as { message?: unknown } | null)?.message ?? JSON.stringify(body);
    super(`${what} answered ${status}: ${String(message)}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export interface StartedWorkflow {
  executionArn: string;
  executionName: string;
  datasetGroupArn?: string;
  statusUrl?: string;
  idempotentReplay?: boolean;
}

export interface ExecutionView {
  executionArn: string;
  executionName: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  startDate: string;
  stopDate?: string;
  input?: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
}

export interface DatasetGroupView {
  name: string;
  datasetGroupArn?: string;
  status?: string;
  domain?: string;
  creationDateTime?: string;
  lastUpdatedDateTime?: string;
  failureReason?: string;
}

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
};

export const createApiClient = (baseUrl: string, send: Send = fetch) => {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const call = async <T>(
    method: string,
    path: string,
    what: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> => {
    const response = await send(
      new Request(new URL(path, base), {
        method,
        headers: {
          accept: 'application/json',
          ...(options.body === undefined
            ? {}
            : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.body === undefined
          ? {}
          : { body: JSON.stringify(options.body) }),
      }),
    );
    const body = await readJson(response);
    if (!response.ok) throw new ApiError(response.status, body, what);
    return body as T;
  };
  const segment = encodeURIComponent;

  return {
    createDatasetGroup: (request: unknown, idempotencyKey?: string) =>
      call<StartedWorkflow>('POST', 'dataset-groups', 'POST /dataset-groups', {
        body: request,
        ...(idempotencyKey === undefined
          ? {}
          : { headers: { 'idempotency-key': idempotencyKey } }),
      }),
    deleteDatasetGroup: (name: string) =>
      call<StartedWorkflow>(
        'DELETE',
        `dataset-groups/${segment(name)}`,
        `DELETE /dataset-groups/${name}`,
      ),
    getDatasetGroup: (name: string) =>
      call<DatasetGroupView>(
        'GET',
        `dataset-groups/${segment(name)}`,
        `GET /dataset-groups/${name}`,
      ),
    listDatasetGroups: () =>
      call<{ datasetGroups: DatasetGroupView[] }>(
        'GET',
        'dataset-groups',
        'GET /dataset-groups',
      ),
    getExecution: (executionName: string) =>
      call<ExecutionView>(
        'GET',
        `executions/${segment(executionName)}`,
        `GET /executions/${executionName}`,
      ),
  };
};

export type ApiClient = ReturnType<typeof createApiClient>;
