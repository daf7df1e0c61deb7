// This folder is http/, not api/: `npm run dev` proxies every URL starting with /api to the server,
// which would swallow Vite's module requests for client/api/*.
import type { SuccessStatusCode } from 'hono/utils/http-status';

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

/**
 * The ApiError of a failed download made with the bare fetch (no JSON expected on success): the
 * code and message of its error body where it has them, else "http" and no message.
 */
export async function responseError(response: Response): Promise<ApiError> {
  return apiErrorOf(response.status, await response.json().catch(() => undefined));
}

/**
 * The ApiError of a failed answer: the code and message of the server's `{ error: { code, message } }`
 * where the body has them, else "http" and no message.
 */
function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'http';
  const message = typeof error?.message === 'string' ? error.message : '';
  return new ApiError(status, code, message);
}

/** Turns anything thrown by an API call into an ApiError. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', '');
}

/** The path of a fetch input, for deciding whether a 401 means a lost session. */
function pathOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.pathname : new URL(input.url).pathname;
}

/**
 * The fetch every JSON API call goes through (the typed client's `fetch` option): the session
 * cookie, JSON accepted. Resolves with the response on 2xx; otherwise rejects with an ApiError
 * that carries the server's `{ error: { code, message } }` when there is one. The browser adds the
 * Origin header the server requires for unsafe methods.
 */
export function apiFetch(
  options: {
    /** false: a 401 is the caller's business (the editor shows its own "session ended"). */
    reportUnauthenticated?: boolean;
  } = {},
): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Accept', 'application/json');
    let response: Response;
    try {
      response = await fetch(input, { ...init, headers, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'network', '');
    }
    if (response.ok) return response;
    const body: unknown = await response.json().catch(() => undefined);
    const report = options.reportUnauthenticated ?? !pathOf(input).startsWith('/api/auth/');
    if (response.status === 401 && report) {
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    }
    throw apiErrorOf(response.status, body);
  };
}

/** What a successful call answers: the JSON body of its 2xx responses, undefined for a 204. */
export type SuccessBody<R> = R extends { status: infer S; json(): Promise<infer T> }
  ? S extends 204
    ? undefined
    : S extends SuccessStatusCode
      ? T
      : never
  : never;

/**
 * Reads the answer of a typed-client call made through apiFetch (which already turned failures
 * into ApiErrors): the parsed body, or undefined for 204.
 */
export async function readJson<R extends { status: number; json(): Promise<unknown> }>(
  call: Promise<R>,
): Promise<SuccessBody<R>> {
  const response = await call;
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  return body as SuccessBody<R>;
}
