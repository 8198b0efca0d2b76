/**
 * The CMS's one way to the Admin API. Every write carries the session's CSRF token as
 * `X-CSRF-Token`; every failure becomes an `ApiError` with the server's stable `code`,
 * so screens branch on the code and show the server's message, written for people.
 */

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A message for a person, whatever was thrown. */
export function toMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'The CMS could not reach Masthead. Check your connection and try again.';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  /**
   * `keepalive` lets the request finish after the page is gone (closing the tab); the
   * browser allows it only for small bodies, so callers fall back when it is refused.
   */
  send<T>(
    method: Exclude<Method, 'GET'>,
    path: string,
    body?: unknown,
    options?: { keepalive?: boolean },
  ): Promise<T>;
  upload<T>(path: string, form: FormData): Promise<T>;
  setCsrfToken(token: string | null): void;
}

async function readError(response: Response): Promise<ApiError> {
  const fallback = `Masthead answered ${response.status} ${response.statusText}.`;
  try {
    const data = (await response.json()) as {
      error?: { code?: string; message?: string; fields?: FieldProblem[] };
    };
    return new ApiError(
      response.status,
      data.error?.code ?? 'unknown',
      data.error?.message ?? fallback,
      data.error?.fields ?? [],
    );
  } catch {
    return new ApiError(response.status, 'unknown', fallback);
  }
}

/** `base` is `/api/admin` in the app; tests of screens may point it elsewhere. */
export function createApiClient(base = '/api/admin', fetchImpl: typeof fetch = fetch): ApiClient {
  let csrfToken: string | null = null;

  async function request<T>(
    method: Method,
    path: string,
    body?: BodyInit,
    json = true,
    keepalive = false,
  ) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (json && body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
    const url = path.startsWith('/api/') ? path : `${base}${path}`;
    const response = await fetchImpl(url, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      ...(keepalive ? { keepalive } : {}),
    });
    if (!response.ok) throw await readError(response);
    const text = response.status === 204 ? '' : await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  return {
    get: (path) => request('GET', path),
    send: (method, path, body, options) =>
      request(
        method,
        path,
        body === undefined ? undefined : JSON.stringify(body),
        true,
        options?.keepalive === true,
      ),
    upload: (path, form) => request('POST', path, form, false),
    setCsrfToken(token) {
      csrfToken = token;
    },
  };
}
