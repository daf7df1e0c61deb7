import type { Role, TeamKind } from '../../shared/domain/roles';
import { requestJson } from './request';

/** What an invite link offers (public: readable without an account). */
export interface InviteInfo {
  teamName: string;
  teamKind: TeamKind;
  role: Role;
  roleLabel: string;
  expiresAt: string;
  usable: boolean;
  /** Why it cannot be used (Dutch, from the server), or null. */
  problem: string | null;
}

/** GET /api/invites/:token. */
export function getInvite(token: string): Promise<InviteInfo> {
  return requestJson<InviteInfo>(`/api/invites/${encodeURIComponent(token)}`);
}

/** POST /api/invites/:token/accept — 410 when used, revoked or expired. */
export function acceptInvite(token: string): Promise<{ teamId: string; role: Role }> {
  return requestJson<{ teamId: string; role: Role }>(`/api/invites/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
  });
}
