import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { openSqlite, type Database, type Executor } from '../../../server/db/database';
import { openPostgres } from '../../../server/db/postgres';
import { setLogLevel } from '../../../server/log';
import { createTestPostgresDatabase, TEST_ENGINE } from '../../support/testEngine';
import type { TemplateContent } from '../../../shared/domain/template/types';

/**
 * What the store tests share: a fresh migrated database per test, and the parent rows the foreign
 * keys ask for, inserted with Kysely directly so a store is never tested through itself.
 */

/** A fresh, migrated database on TEST_ENGINE; `close()` removes it. */
export async function openTestDatabase(): Promise<{
  database: Database;
  db: Executor;
  close(): Promise<void>;
}> {
  setLogLevel('silent');
  if (TEST_ENGINE === 'postgres') {
    const postgres = await createTestPostgresDatabase();
    const database = await openPostgres({ url: postgres.url, poolMax: 4 });
    return {
      database,
      db: database.db,
      async close() {
        await database.close();
        await postgres.drop();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'werkplaats-store-'));
  const database = openSqlite(dir);
  return {
    database,
    db: database.db,
    async close() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` with `Date.now()` fixed at `ms`. */
export async function at<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const now = vi.spyOn(Date, 'now').mockReturnValue(ms);
  try {
    return await fn();
  } finally {
    now.mockRestore();
  }
}

/** Inserts a user. */
export async function addUser(db: Executor, id: string, name = `Gebruiker ${id}`): Promise<void> {
  await db
    .insertInto('users')
    .values({ id, email: `${id}@example.test`, name, password_hash: 'x', created_at: 0 })
    .execute();
}

/** Inserts a team. */
export async function addTeam(db: Executor, id: string): Promise<void> {
  await db
    .insertInto('teams')
    .values({
      id,
      name: `Team ${id}`,
      kind: 'cocreatieteam',
      lab_name: null,
      consortium_name: null,
      created_at: 0,
    })
    .execute();
}

/** Inserts a document of a team. */
export async function addDocument(
  db: Executor,
  id: string,
  teamId: string | null,
  kind = 'document',
): Promise<void> {
  await db
    .insertInto('documents')
    .values({
      id,
      title: `Document ${id}`,
      created_at: 0,
      updated_at: 0,
      team_id: teamId,
      created_by: null,
      kind,
    })
    .execute();
}

/** A complete template content with one theme, one outcome and one section. */
export function templateContent(overrides: Partial<TemplateContent> = {}): TemplateContent {
  return {
    title: 'Ontwikkelpad',
    kind: 'start-vakbekwaam',
    specialisation: '',
    sectors: ['po'],
    nlqfLevel: 5,
    description: '',
    themes: [
      {
        id: 'thema',
        title: 'Pedagogisch handelen',
        outcomes: [{ id: 'lu-1', code: 'LU 1', title: 'Veilig leerklimaat', description: '' }],
      },
    ],
    rubric: null,
    suggestions: '',
    sections: [{ id: 'sectie', heading: 'Doelgroep', guidance: 'Voor wie?' }],
    ...overrides,
  };
}

/** Inserts a published template version 1.0 of key `id` (teams and users must exist). */
export async function addTemplateVersion(db: Executor, id: string, teamId: string): Promise<void> {
  const content = templateContent();
  await db
    .insertInto('template_versions')
    .values({
      id,
      template_key: id,
      team_id: teamId,
      draft_doc_id: null,
      major: 1,
      minor: 0,
      title: content.title,
      kind: content.kind,
      sectors: content.sectors.join(','),
      nlqf_level: content.nlqfLevel,
      content: JSON.stringify(content),
      change_note: '',
      published_by: null,
      published_at: 0,
    })
    .execute();
}

/** A team `team` with a template version `tv` and user `u`: what designs and trajects hang on. */
export async function addWorkspace(
  db: Executor,
): Promise<{ teamId: string; templateVersionId: string; userId: string }> {
  await addUser(db, 'u');
  await addTeam(db, 'team');
  await addTemplateVersion(db, 'tv', 'team');
  return { teamId: 'team', templateVersionId: 'tv', userId: 'u' };
}

/** Inserts a leerarrangement document and its design row pinned to `templateVersionId`. */
export async function addDesign(
  db: Executor,
  docId: string,
  teamId: string,
  templateVersionId: string,
): Promise<void> {
  await addDocument(db, docId, teamId, 'leerarrangement');
  await db.insertInto('designs').values({ doc_id: docId, template_version_id: templateVersionId }).execute();
}

/** Inserts a traject of a team. */
export async function addTraject(
  db: Executor,
  id: string,
  teamId: string,
  templateVersionId: string,
): Promise<void> {
  await db
    .insertInto('trajects')
    .values({
      id,
      team_id: teamId,
      template_version_id: templateVersionId,
      title: `Traject ${id}`,
      created_by: null,
      created_at: 0,
      updated_at: 0,
    })
    .execute();
}
