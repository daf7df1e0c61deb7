import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { errorBody } from './errors';

/**
 * JSON body validation with the house error shape: 400 with every problem in one Dutch message.
 * Invalid JSON is reported by Hono's own parser step as 400 too (see app.ts onError).
 */
export function validateJson<T extends ZodType>(schema: T) {
  return zValidator('json', schema, (result, c) => {
    if (!result.success) {
      const message = result.error.issues
        .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
        .join('; ');
      return c.json(errorBody('invalid_body', message), 400);
    }
  });
}
