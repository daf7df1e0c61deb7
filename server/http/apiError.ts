import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An expected failure with a status, a stable code and a Dutch message; app.onError presents it. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Log eerst in.');
export const forbidden = (message = 'Je hebt hiervoor geen toegang.') =>
  new ApiError(403, 'forbidden', message);
export const notFound = (message = 'Niet gevonden.') => new ApiError(404, 'not_found', message);
