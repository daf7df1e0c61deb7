import type { Database, Executor } from '../../../../server/db/database';
import { createRoundStore, type RoundStore } from '../../../../server/stores/rounds';
import { openTestDatabase as openMigratedDatabase } from '../fixtures';

/** A fresh database with the people, teams and document the round store tests refer to. */
export interface RoundsTestDatabase {
  database: Database;
  store: RoundStore;
  /** Adds an open round on `d1` (version `v1`), due at `deadline`. */
  addRound(id: string, fields?: { docId?: string; deadline?: number }): Promise<void>;
  close(): Promise<void>;
}

/** Ann, Bob and a deleted user in team Alpha; Bob also in Beta; Cas in no team. */
export const USERS = { ann: 'u-ann', bob: 'u-bob', cas: 'u-cas', gone: 'u-gone' } as const;
export const TEAMS = { alpha: 't-alpha', beta: 't-beta' } as const;

async function seed(db: Executor): Promise<void> {
  await db
    .insertInto('users')
    .values([
      { id: USERS.ann, email: 'ann@example.org', name: 'Ann', password_hash: '', created_at: 1 },
      { id: USERS.bob, email: 'bob@example.org', name: 'Bob', password_hash: '', created_at: 1 },
      { id: USERS.cas, email: 'cas@example.org', name: 'Cas', password_hash: '', created_at: 1 },
      { id: USERS.gone, email: 'gone@invalid', name: 'weg', password_hash: '', created_at: 1, deleted_at: 2 },
    ])
    .execute();
  // Inserted in the reverse of name order, so ordering by name is not insertion order.
  await db
    .insertInto('teams')
    .values([
      { id: TEAMS.beta, name: 'Beta', kind: 'atelier', created_at: 1 },
      { id: TEAMS.alpha, name: 'Alpha', kind: 'cocreatieteam', created_at: 1 },
    ])
    .execute();
  await db
    .insertInto('memberships')
    .values([
      { team_id: TEAMS.alpha, user_id: USERS.ann, role: 'owner', created_at: 1 },
      { team_id: TEAMS.alpha, user_id: USERS.bob, role: 'viewer', created_at: 1 },
      { team_id: TEAMS.alpha, user_id: USERS.gone, role: 'viewer', created_at: 1 },
      { team_id: TEAMS.beta, user_id: USERS.bob, role: 'viewer', created_at: 1 },
    ])
    .execute();
  await db
    .insertInto('documents')
    .values([
      { id: 'd1', title: 'Ontwerp', created_at: 1, updated_at: 1, team_id: TEAMS.alpha },
      { id: 'd2', title: 'Ander ontwerp', created_at: 1, updated_at: 1, team_id: TEAMS.alpha },
    ])
    .execute();
  await db
    .insertInto('document_versions')
    .values([
      { id: 'v1', doc_id: 'd1', label: 'Versie 1', created_at: 1, state: new Uint8Array([0]), json: '{}' },
      { id: 'v2', doc_id: 'd2', label: 'Versie 2', created_at: 1, state: new Uint8Array([0]), json: '{}' },
    ])
    .execute();
}

/** Opens a fresh migrated database (on the test engine) and seeds it. */
export async function openTestDatabase(): Promise<RoundsTestDatabase> {
  const { database, close } = await openMigratedDatabase();
  await seed(database.db);
  const store = createRoundStore(database.db);
  return {
    database,
    store,
    addRound: async (id, fields = {}) => {
      const docId = fields.docId ?? 'd1';
      return await store.insertRound({
        id,
        docId,
        versionId: docId === 'd1' ? 'v1' : 'v2',
        title: `Ronde ${id}`,
        description: '',
        deadline: fields.deadline ?? Date.now() + 1_000_000,
        criteria: [],
        createdBy: USERS.ann,
      });
    },
    close,
  };
}
