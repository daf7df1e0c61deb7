import type { InferRequestType } from 'hono/client';
import type { AuthConfig } from '../../../shared/domain/signupPolicy';
import { api, pathParams } from '../../api/client';
import { readJson } from '../../api/request';

/** GET /api/auth/config — who may sign up here (the form is shown only when it can succeed). */
export function getAuthConfig(): Promise<AuthConfig> {
  return readJson(api.auth.config.$get());
}

/** POST /api/auth/password-reset/:token — 410 when the link is used or expired. */
export function resetPassword(
  token: string,
  body: InferRequestType<(typeof api.auth)['password-reset'][':token']['$post']>['json'],
): Promise<void> {
  return readJson(api.auth['password-reset'][':token'].$post({ param: pathParams({ token }), json: body }));
}
