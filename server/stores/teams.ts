import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { likeIgnoringCase } from '../db/portable';
import { lockingRead } from './rowLock';
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

/** Escapes `%`, `_` and `\` so a search text matches itself inside a LIKE pattern. */
const containsPattern = (query: string) => `%${query.trim().replace(/[%_\\]/g, (char) => `\\${char}`)}%`;

/** Queries on `teams` and `memberships`. */
export function createTeamStore(db: Executor) {
  const teams = () => db.selectFrom('teams').selectAll('teams').$narrowType<{ kind: TeamKind }>();
  const memberships = (teamId: string) => db.selectFrom('memberships').where('team_id', '=', teamId);

  return {
    async insert(team: {
      id: string;
      name: string;
      kind: TeamKind;
      lab?: string | undefined;
      consortium?: string | undefined;
    }): Promise<void> {
      await db
        .insertInto('teams')
        .values({
          id: team.id,
          name: team.name,
          kind: team.kind,
          lab_name: team.lab || null,
          consortium_name: team.consortium || null,
          created_at: Date.now(),
        })
        .execute();
    },
    async get(id: string): Promise<Team | undefined> {
      const row = await teams().where('id', '=', id).executeTakeFirst();
      return row ? present(row) : undefined;
    },
    /** Changes the given fields only; an empty lab or consortium clears it. */
    async update(
      id: string,
      fields: { name?: string | undefined; lab?: string | undefined; consortium?: string | undefined },
    ): Promise<void> {
      const set = {
        ...(fields.name != null && { name: fields.name }),
        ...(fields.lab != null && { lab_name: fields.lab || null }),
        ...(fields.consortium != null && { consortium_name: fields.consortium || null }),
      };
      if (Object.keys(set).length === 0) return;
      await db.updateTable('teams').set(set).where('id', '=', id).execute();
    },
    /**
     * Locks the team's row until the transaction ends (false: the team is gone). Every transaction
     * that changes memberships takes it first, so checks across members (the last owner) see the
     * memberships as the previous such transaction left them.
     */
    async lock(id: string): Promise<boolean> {
      const row = await lockingRead(
        db,
        db.selectFrom('teams').select('id').where('id', '=', id),
        'update',
      ).executeTakeFirst();
      return row !== undefined;
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('teams').where('id', '=', id).execute();
    },
    /** The teams a user belongs to, with their role, by name ignoring case. */
    async forUser(userId: string): Promise<Array<Team & { role: Role }>> {
      const rows = await teams()
        .innerJoin('memberships', 'memberships.team_id', 'teams.id')
        .select('memberships.role')
        .$narrowType<{ role: Role }>()
        .where('memberships.user_id', '=', userId)
        .orderBy(sql`lower(teams.name)`)
        .orderBy('teams.name')
        .execute();
      return rows.map((row) => ({ ...present(row), role: row.role }));
    },
    /** The user's role in the team, or undefined when not a member. */
    async role(teamId: string, userId: string): Promise<Role | undefined> {
      const row = await memberships(teamId)
        .select('role')
        .$narrowType<{ role: Role }>()
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.role;
    },
    /** Adds a member or changes their role (keeping the date they joined). */
    async setMember(teamId: string, userId: string, memberRole: Role): Promise<void> {
      await db
        .insertInto('memberships')
        .values({ team_id: teamId, user_id: userId, role: memberRole, created_at: Date.now() })
        .onConflict((oc) =>
          oc.columns(['team_id', 'user_id']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role') })),
        )
        .execute();
    },
    async removeMember(teamId: string, userId: string): Promise<void> {
      await db
        .deleteFrom('memberships')
        .where('team_id', '=', teamId)
        .where('user_id', '=', userId)
        .execute();
    },
    /** The members of a team, by name ignoring case. */
    async members(teamId: string): Promise<Member[]> {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select([
          'memberships.user_id',
          'users.name',
          'users.email',
          'memberships.role',
          'memberships.created_at',
        ])
        .$narrowType<{ role: Role }>()
        .where('memberships.team_id', '=', teamId)
        .orderBy(sql`lower(users.name)`)
        .orderBy('users.name')
        .execute();
      return rows.map((row) => ({
        userId: row.user_id,
        name: row.name,
        email: row.email,
        role: row.role,
        since: new Date(row.created_at).toISOString(),
      }));
    },
    async ownerCount(teamId: string): Promise<number> {
      const row = await memberships(teamId)
        .select((eb) => eb.fn.countAll().as('count'))
        .where('role', '=', 'owner')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async memberCount(teamId: string): Promise<number> {
      const row = await memberships(teamId)
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    /** Up to 50 teams whose name or lab contains `query`, ignoring case (% and _ match themselves). */
    async directory(
      query: string,
    ): Promise<Array<{ id: string; name: string; kind: TeamKind; labName: string | null }>> {
      const pattern = containsPattern(query);
      const rows = await db
        .selectFrom('teams')
        .select(['id', 'name', 'kind', 'lab_name'])
        .$narrowType<{ kind: TeamKind }>()
        .where((eb) =>
          eb.or([
            likeIgnoringCase(db, eb.ref('name'), pattern),
            likeIgnoringCase(db, eb.fn.coalesce('lab_name', eb.val('')), pattern),
          ]),
        )
        .orderBy('name')
        .limit(50)
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, labName: row.lab_name }));
    },
  };
}

export type TeamStore = ReturnType<typeof createTeamStore>;
