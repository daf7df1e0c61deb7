import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { errorBody } from './errors';

/** Every problem of a failed parse in one Dutch message, each prefixed with its path. */
function describe(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * JSON body validation with the house error shape: 400 with every problem in one Dutch message.
 * Invalid JSON is reported by Hono's own parser step as 400 too (see app.ts onError).
 */
export function validateJson<T extends ZodType>(schema: T) {
  return zValidator('json', schema, (result, c) => {
    if (!result.success) return c.json(errorBody('invalid_body', describe(result.error)), 400);
  });
}

/** Query-string validation with the same error shape (code `invalid_query`). */
export function validateQuery<T extends ZodType>(schema: T) {
  return zValidator('query', schema, (result, c) => {
    if (!result.success) return c.json(errorBody('invalid_query', describe(result.error)), 400);
  });
}
