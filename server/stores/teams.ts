import type { Db } from '../db/connection';
import type { Role, TeamKind } from '../../shared/domain/roles';

/** A team as the API presents it. */
export interface Team {
  id: string;
  name: string;
  kind: TeamKind;
  lab: string | null;
  consortium: string | null;
  createdAt: string;
}

/** A member of a team. */
export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: string;
}

interface TeamRow {
  id: string;
  name: string;
  kind: TeamKind;
  lab_name: string | null;
  consortium_name: string | null;
  created_at: number;
}

const present = (row: TeamRow): Team => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  lab: row.lab_name,
  consortium: row.consortium_name,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Prepared statements for `teams` and `memberships`. */
export function createTeamStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO teams (id, name, kind, lab_name, consortium_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[string], TeamRow>('SELECT * FROM teams WHERE id = ?');
  // NULL leaves a field as it is; an empty string clears lab and consortium.
  const update = db.prepare(
    `UPDATE teams SET name = coalesce(@name, name),
       lab_name = CASE WHEN @lab IS NULL THEN lab_name ELSE nullif(@lab, '') END,
       consortium_name = CASE WHEN @consortium IS NULL THEN consortium_name ELSE nullif(@consortium, '') END
     WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM teams WHERE id = ?');
  const forUser = db.prepare<[string], TeamRow & { role: Role }>(
    `SELECT teams.*, memberships.role FROM teams JOIN memberships ON memberships.team_id = teams.id
     WHERE memberships.user_id = ? ORDER BY teams.name COLLATE NOCASE`,
  );
  const role = db.prepare<[string, string], { role: Role }>(
    'SELECT role FROM memberships WHERE team_id = ? AND user_id = ?',
  );
  const upsertMember = db.prepare(
    `INSERT INTO memberships (team_id, user_id, role, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role`,
  );
  const removeMember = db.prepare('DELETE FROM memberships WHERE team_id = ? AND user_id = ?');
  const members = db.prepare<
    [string],
    { user_id: string; name: string; email: string; role: Role; created_at: number }
  >(
    `SELECT memberships.user_id, users.name, users.email, memberships.role, memberships.created_at
     FROM memberships JOIN users ON users.id = memberships.user_id
     WHERE memberships.team_id = ? ORDER BY users.name COLLATE NOCASE`,
  );
  const ownerCount = db
    .prepare<[string], number>("SELECT count(*) FROM memberships WHERE team_id = ? AND role = 'owner'")
    .pluck();
  const memberCount = db
    .prepare<[string], number>('SELECT count(*) FROM memberships WHERE team_id = ?')
    .pluck();
  const directory = db.prepare<
    [string, string],
    { id: string; name: string; kind: TeamKind; lab_name: string | null }
  >(
    `SELECT id, name, kind, lab_name FROM teams
     WHERE name LIKE ? ESCAPE '\\' OR IFNULL(lab_name, '') LIKE ? ESCAPE '\\'
     ORDER BY name LIMIT 50`,
  );

  return {
    insert(team: {
      id: string;
      name: string;
      kind: TeamKind;
      lab?: string | undefined;
      consortium?: string | undefined;
    }) {
      insert.run(team.id, team.name, team.kind, team.lab || null, team.consortium || null, Date.now());
    },
    get(id: string): Team | undefined {
      const row = byId.get(id);
      return row ? present(row) : undefined;
    },
    update(
      id: string,
      fields: { name?: string | undefined; lab?: string | undefined; consortium?: string | undefined },
    ) {
      update.run({
        name: fields.name ?? null,
        lab: fields.lab ?? null,
        consortium: fields.consortium ?? null,
        id,
      });
    },
    delete(id: string): void {
      remove.run(id);
    },
    /** The teams a user belongs to, with their role. */
    forUser(userId: string): Array<Team & { role: Role }> {
      return forUser.all(userId).map((row) => ({ ...present(row), role: row.role }));
    },
    /** The user's role in the team, or undefined when not a member. */
    role(teamId: string, userId: string): Role | undefined {
      return role.get(teamId, userId)?.role;
    },
    /** Adds a member or changes their role. */
    setMember(teamId: string, userId: string, memberRole: Role): void {
      upsertMember.run(teamId, userId, memberRole, Date.now());
    },
    removeMember(teamId: string, userId: string): void {
      removeMember.run(teamId, userId);
    },
    members(teamId: string): Member[] {
      return members.all(teamId).map((row) => ({
        userId: row.user_id,
        name: row.name,
        email: row.email,
        role: row.role,
        since: new Date(row.created_at).toISOString(),
      }));
    },
    ownerCount(teamId: string): number {
      return ownerCount.get(teamId) ?? 0;
    },
    memberCount(teamId: string): number {
      return memberCount.get(teamId) ?? 0;
    },
    /** Up to 50 teams whose name or lab contains `query` (literally: % and _ match themselves). */
    directory(query: string): Array<{ id: string; name: string; kind: TeamKind; labName: string | null }> {
      const pattern = `%${query.trim().replace(/[%_\\]/g, (char) => `\\${char}`)}%`;
      return directory
        .all(pattern, pattern)
        .map((row) => ({ id: row.id, name: row.name, kind: row.kind, labName: row.lab_name }));
    },
  };
}

export type TeamStore = ReturnType<typeof createTeamStore>;
