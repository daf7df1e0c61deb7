import type { Db } from '../db/connection';
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
}

interface InviteRow {
  id: string;
  team_id: string;
  role: Role;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  revoked_at: number | null;
}

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
});

/** Prepared statements for `invites`. */
export function createInviteStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO invites (id, team_id, role, token_hash, created_by, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byHash = db.prepare<[Uint8Array], InviteRow>('SELECT * FROM invites WHERE token_hash = ?');
  const byId = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE id = ?');
  const forTeam = db.prepare<[string], InviteRow>(
    'SELECT * FROM invites WHERE team_id = ? ORDER BY created_at DESC LIMIT 200',
  );
  // Single use: the WHERE makes a second, concurrent acceptance change nothing.
  const markUsed = db.prepare(
    'UPDATE invites SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL',
  );
  const revoke = db.prepare(
    'UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND used_at IS NULL',
  );

  return {
    insert(invite: {
      id: string;
      teamId: string;
      role: Role;
      tokenHash: Uint8Array;
      createdBy: string;
      expiresAt: number;
    }) {
      insert.run(
        invite.id,
        invite.teamId,
        invite.role,
        invite.tokenHash,
        invite.createdBy,
        Date.now(),
        invite.expiresAt,
      );
    },
    byTokenHash(tokenHash: Uint8Array): Invite | undefined {
      const row = byHash.get(tokenHash);
      return row ? present(row) : undefined;
    },
    get(id: string): Invite | undefined {
      const row = byId.get(id);
      return row ? present(row) : undefined;
    },
    forTeam(teamId: string): Invite[] {
      return forTeam.all(teamId).map(present);
    },
    /** Marks the invite used; false if it was already used or revoked. */
    markUsed(id: string, userId: string): boolean {
      return markUsed.run(Date.now(), userId, id).changes === 1;
    },
    /** Revokes an open invite; false if it was already used or revoked. */
    revoke(id: string): boolean {
      return revoke.run(Date.now(), id).changes === 1;
    },
  };
}

export type InviteStore = ReturnType<typeof createInviteStore>;
