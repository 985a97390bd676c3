import {
  ApiUnreachableError,
  CliError,
  RequestAbortedError,
  UnexpectedAnswerError,
} from './cli-errors.ts';

/**
 * A typed client of the workflow's HTTP API (local or deployed): the
 * routes of functions/http-api.ts. `send` is swappable so a deployed stage
 * can sign requests with SigV4.
 */
/** `?cascade=true&deleteSchemas=true` for the flags that are set. */
const queryOf = (flags: Record<string, boolean | undefined>): string => {
  const set = Object.entries(flags).filter(([, value]) => value === true);
  return set.length === 0
    ? ''
    : `?${set.map(([field]) => `${field}=true`).join('&')}`;
};

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
  /** GET /dataset-groups/{name} only: the group's datasets. */
  datasets?: Array<{
    name?: string;
    datasetType?: string;
    status?: string;
    datasetArn?: string;
  }>;
}

/** At most this much of an answer that is not JSON goes in a message. */
const quotedTextLimit = 200;

const readJson = async (
  response: Response,
): Promise<{ json: true; value: unknown } | { json: false; text: string }> => {
  const text = await response.text();
  if (text === '') return { json: true, value: undefined };
  try {
    return { json: true, value: JSON.parse(text) };
  } catch {
    const flat = text.replace(/\s+/g, ' ').trim();
    return {
      json: false,
      text:
        flat.length > quotedTextLimit
          ? `${flat.slice(0, quotedTextLimit)}…`
          : flat,
    };
  }
};

type Shape = (body: Record<string, unknown>) => boolean;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasString =
  (field: string): Shape =>
  (body) =>
    typeof body[field] === 'string';

export interface ApiClientOptions {
  /** Aborts every request in flight (Ctrl-C). */
  signal?: AbortSignal;
}

export const createApiClient = (
  baseUrl: string,
  send: Send,
  options: ApiClientOptions = {},
) => {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const call = async <T>(
    method: string,
    path: string,
    what: string,
    shape: Shape,
    request: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> => {
    const url = new URL(path, base);
    let response: Response;
    try {
      response = await send(
        new Request(url, {
          method,
          headers: {
            accept: 'application/json',
            ...(request.body === undefined
              ? {}
              : { 'content-type': 'application/json' }),
            ...request.headers,
          },
          ...(request.body === undefined
            ? {}
            : { body: JSON.stringify(request.body) }),
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        }),
      );
    } catch (error) {
      if (options.signal?.aborted) {
        throw new RequestAbortedError(what, { cause: error });
      }
      if (error instanceof CliError) throw error;
      throw new ApiUnreachableError(url.href, error);
    }
    const body = await readJson(response);
    if (!response.ok) {
      throw new ApiError(
        response.status,
        body.json ? body.value : { message: body.text },
        what,
      );
    }
    if (!body.json || !isObject(body.value) || !shape(body.value)) {
      throw new UnexpectedAnswerError(
        `${what} answered ${response.status} with ${
          body.json ? 'JSON' : `"${body.text}"`
        } that is not the workflow's HTTP API answer: is ${base} that API?`,
      );
    }
    return body.value as T;
  };
  const segment = encodeURIComponent;

  return {
    createDatasetGroup: (request: unknown, idempotencyKey?: string) =>
      call<StartedWorkflow>(
        'POST',
        'dataset-groups',
        'POST /dataset-groups',
        hasString('executionName'),
        {
          body: request,
          ...(idempotencyKey === undefined
            ? {}
            : { headers: { 'idempotency-key': idempotencyKey } }),
        },
      ),
    deleteDatasetGroup: (
      name: string,
      flags: { cascade?: boolean; deleteSchemas?: boolean } = {},
    ) =>
      call<StartedWorkflow>(
        'DELETE',
        `dataset-groups/${segment(name)}${queryOf(flags)}`,
        `DELETE /dataset-groups/${name}${queryOf(flags)}`,
        hasString('executionName'),
      ),
    getDatasetGroup: (name: string) =>
      call<DatasetGroupView>(
        'GET',
        `dataset-groups/${segment(name)}`,
        `GET /dataset-groups/${name}`,
        hasString('name'),
      ),
    listDatasetGroups: () =>
      call<{ datasetGroups: DatasetGroupView[] }>(
        'GET',
        'dataset-groups',
        'GET /dataset-groups',
        (body) => Array.isArray(body.datasetGroups),
      ),
    getExecution: (executionName: string) =>
      call<ExecutionView>(
        'GET',
        `executions/${segment(executionName)}`,
        `GET /executions/${executionName}`,
        hasString('status'),
      ),
  };
};

export type ApiClient = ReturnType<typeof createApiClient>;
