import type { Selectable } from 'kysely';
import type { Executor } from '../db/database';
import { changed } from '../db/portable';
import type { InvitesTable } from '../db/schema';
import type { Role } from '../../shared/domain/roles';

/** An invite as the team page shows it (never the token). */
export interface Invite {
  id: string;
  teamId: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  /** The address the invite was mailed to. */
  sentTo: string | null;
}

type InviteRow = Selectable<InvitesTable> & { role: Role };

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
const present = (row: InviteRow): Invite => ({
  id: row.id,
  teamId: row.team_id,
  role: row.role,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: new Date(row.expires_at).toISOString(),
  usedAt: iso(row.used_at),
  revokedAt: iso(row.revoked_at),
  sentTo: row.sent_to,
});

/** Queries on `invites`. */
export function createInviteStore(db: Executor) {
  const invites = () => db.selectFrom('invites').selectAll().$narrowType<{ role: Role }>();

  return {
    async insert(invite: {
      id: string;
      teamId: string;
      role: Role;
      tokenHash: Uint8Array;
      createdBy: string;
      expiresAt: number;
    }): Promise<void> {
      await db
        .insertInto('invites')
        .values({
          id: invite.id,
          team_id: invite.teamId,
          role: invite.role,
          token_hash: invite.tokenHash,
          created_by: invite.createdBy,
          created_at: Date.now(),
          expires_at: invite.expiresAt,
        })
        .execute();
    },
    async byTokenHash(tokenHash: Uint8Array): Promise<Invite | undefined> {
      const row = await invites().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? present(row) : undefined;
    },
    async get(id: string): Promise<Invite | undefined> {
      const row = await invites().where('id', '=', id).executeTakeFirst();
      return row ? present(row) : undefined;
    },
    /** The team's latest 200 invites, newest first. */
    async forTeam(teamId: string): Promise<Invite[]> {
      const rows = await invites()
        .where('team_id', '=', teamId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map(present);
    },
    /** Marks the invite used; false if it was already used or revoked. */
    async markUsed(id: string, userId: string): Promise<boolean> {
      // Single use: the WHERE makes a second, concurrent acceptance change nothing.
      const result = await db
        .updateTable('invites')
        .set({ used_at: Date.now(), used_by: userId })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Revokes an open invite; false if it was already used or revoked. */
    async revoke(id: string): Promise<boolean> {
      const result = await db
        .updateTable('invites')
        .set({ revoked_at: Date.now() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
  };
}

export type InviteStore = ReturnType<typeof createInviteStore>;
