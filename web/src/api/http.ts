// Http is the one place that talks to the server: JSON in and out, RFC 9457
// problems turned into ApiError, and the CSRF header on unsafe requests.
// One instance per app; it holds the CSRF token in memory only.

import type { FieldError, Problem } from './types';

/** A failed request. `status` is 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly requestId: string | null;
  readonly fieldErrors: Record<string, string>;
  /** Seconds from a Retry-After header, when the server sent one. */
  readonly retryAfter: number | null;
  /** The whole problem body, with any extension members (e.g. a wiki edit conflict). */
  readonly problem: Problem;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    const detail = problem.detail || problem.title || defaultMessage(status);
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = problem.title ?? '';
    this.detail = detail;
    this.requestId = problem.request_id ?? null;
    this.fieldErrors = toFieldMap(problem.errors ?? []);
    this.retryAfter = retryAfter;
    this.problem = problem;
  }
}

function toFieldMap(errors: FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) {
    if (e.field && !map[e.field]) map[e.field] = e.message;
  }
  return map;
}

function defaultMessage(status: number): string {
  if (status === 0) return 'Could not reach Hallway. Check your connection and try again.';
  if (status === 401) return 'Please sign in to continue.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'We could not find what you were looking for.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return 'The request could not be completed.';
}

export type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions {
  query?: Query;
  /** Serialized as JSON. */
  json?: unknown;
  /** Sent as-is with `contentType` (used for avatar uploads). */
  body?: Blob;
  contentType?: string;
  /** Do not report a 401 to `onUnauthorized` (session probes, sign-in). */
  quietUnauthorized?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class Http {
  csrfToken: string | null = null;
  /** Called when a request fails with 401, i.e. the session has ended. */
  onUnauthorized: (() => void) | null = null;

  constructor(
    private readonly baseUrl = '/api/v1',
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }
  post<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, options);
  }
  put<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, options);
  }
  patch<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, options);
  }
  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  /** Sends one request. Resolves with the decoded JSON body (undefined for 204). */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body) {
      headers['Content-Type'] = options.contentType || 'application/octet-stream';
      body = options.body;
    }
    if (UNSAFE.has(method) && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;

    let response: Response;
    try {
      response = await this.fetcher(this.baseUrl + path + buildQuery(options.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, {});
    }

    if (!response.ok) {
      const error = new ApiError(
        response.status,
        await readProblem(response),
        retryAfter(response),
      );
      if (response.status === 401 && !options.quietUnauthorized) this.onUnauthorized?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Problem) : {};
  } catch {
    return {};
  }
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}
