import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one error shape on the wire: `{ error: { code, message } }`, message in Dutch. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Responds with the error shape. */
export function sendError(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json(errorBody(code, message), status);
}
