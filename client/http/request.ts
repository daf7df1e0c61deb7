// This folder is http/, not api/: `npm run dev` proxies every URL starting with /api to the server,
// which would swallow Vite's module requests for client/api/*.
/** A failed API call: `status` 0 means the server was not reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's (Dutch) message, or '' when there is none to show. */
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Fired on `window` when an API call answers 401 (the session ended or expired): the current-user
 * provider then treats the user as signed out and pages that need one go to the login page.
 * The auth endpoints themselves are excluded: a failed login is not a lost session.
 */
export const UNAUTHENTICATED_EVENT = 'werkplaats:unauthenticated';

function isErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Turns anything thrown by an API call into an ApiError. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', '');
}

/**
 * Calls the JSON API. Resolves with the parsed body on 2xx (undefined for 204); otherwise rejects
 * with an ApiError that carries the server's `{ error: { code, message } }` when there is one.
 * The browser adds the Origin header the server requires for unsafe methods.
 */
export async function requestJson<T>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    /** false: a 401 is the caller's business (the editor shows its own "session ended"). */
    reportUnauthenticated?: boolean;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const report = init.reportUnauthenticated ?? !path.startsWith('/api/auth/');
    if (response.status === 401 && report) {
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    }
    if (isErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message);
    throw new ApiError(response.status, 'http', '');
  }
  return body as T;
}
