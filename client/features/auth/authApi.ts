import type { InferRequestType } from 'hono/client';
import type { AuthConfig } from '../../../shared/domain/signupPolicy';
import { api, pathParams } from '../../api/client';
import { readJson } from '../../api/request';

/** GET /api/auth/config — who may sign up here (the form is shown only when it can succeed). */
export function getAuthConfig(): Promise<AuthConfig> {
  return readJson(api.auth.config.$get());
}

/** Whether this Werkplaats sends mail (GET /api/auth/config): only then is a reset link mailed. */
export async function getMailEnabled(): Promise<boolean> {
  return (await readJson(api.auth.config.$get())).mail;
}

/** POST /api/auth/password-reset — 202 whether or not the address has an account. */
export function requestPasswordReset(
  body: InferRequestType<(typeof api.auth)['password-reset']['$post']>['json'],
): Promise<unknown> {
  return readJson(api.auth['password-reset'].$post({ json: body }));
}

/** POST /api/auth/password-reset/:token — 410 when the link is used or expired. */
export function resetPassword(
  token: string,
  body: InferRequestType<(typeof api.auth)['password-reset'][':token']['$post']>['json'],
): Promise<void> {
  return readJson(api.auth['password-reset'][':token'].$post({ param: pathParams({ token }), json: body }));
}
