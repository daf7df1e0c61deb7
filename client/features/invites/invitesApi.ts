import type { InferResponseType } from 'hono/client';
import { api, pathParams } from '../../api/client';
import { readJson } from '../../api/request';

const invite = api.invites[':token'];

/** What an invite link offers (public: readable without an account). */
export type InviteInfo = InferResponseType<typeof invite.$get, 200>;

/** GET /api/invites/:token. */
export function getInvite(token: string): Promise<InviteInfo> {
  return readJson(invite.$get({ param: pathParams({ token }) }));
}

/** POST /api/invites/:token/accept — 410 when used, revoked or expired. */
export function acceptInvite(token: string) {
  return readJson(invite.accept.$post({ param: pathParams({ token }) }));
}
