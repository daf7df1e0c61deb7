import type { Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { DocumentsTable } from '../db/schema';
import type { DocumentKind, DocumentSummary } from '../../shared/schemas/documents';

type DocumentRow = Selectable<DocumentsTable> & { kind: DocumentKind };

function present(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    teamId: row.team_id,
    kind: row.kind,
    title: row.title,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Most documents a list returns. */
const LIST_LIMIT = 500;

/** Queries on `documents`, and the initial `doc_state` row of a new document. */
export function createDocumentStore(db: Executor) {
  const documents = () =>
    db.selectFrom('documents').selectAll('documents').$narrowType<{ kind: DocumentKind }>();

  return {
    /** Inserts a document row (call inside the creating transaction). */
    async insert(
      document: { id: string; teamId: string; createdBy: string; title: string; kind?: DocumentKind },
      now = Date.now(),
    ): Promise<void> {
      await db
        .insertInto('documents')
        .values({
          id: document.id,
          team_id: document.teamId,
          created_by: document.createdBy,
          kind: document.kind ?? 'document',
          title: document.title,
          created_at: now,
          updated_at: now,
        })
        .execute();
    },
    /** Writes the initial state of a new document (call inside the creating transaction). */
    async writeInitialState(docId: string, state: Uint8Array, stateVector: Uint8Array): Promise<void> {
      await db
        .insertInto('doc_state')
        .values({ doc_id: docId, state, state_vector: stateVector, updated_at: Date.now() })
        .onConflict((oc) =>
          oc.column('doc_id').doUpdateSet((eb) => ({
            state: eb.ref('excluded.state'),
            state_vector: eb.ref('excluded.state_vector'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },
    /** The document, or undefined. */
    async get(id: string): Promise<DocumentSummary | undefined> {
      const row = await documents().where('id', '=', id).executeTakeFirst();
      return row ? present(row) : undefined;
    },
    /** Whether a document with this id exists. */
    async exists(id: string): Promise<boolean> {
      const row = await db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    },
    /** Documents of every team the user belongs to, most recently changed first. */
    async listForUser(userId: string): Promise<DocumentSummary[]> {
      const rows = await documents()
        .innerJoin('memberships', 'memberships.team_id', 'documents.team_id')
        .where('memberships.user_id', '=', userId)
        .orderBy('documents.updated_at', 'desc')
        .orderBy('documents.id')
        .limit(LIST_LIMIT)
        .execute();
      return rows.map(present);
    },
    /** Documents of one team, most recently changed first. */
    async listForTeam(teamId: string): Promise<DocumentSummary[]> {
      const rows = await documents()
        .where('team_id', '=', teamId)
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(LIST_LIMIT)
        .execute();
      return rows.map(present);
    },
    /** Records that the document changed. */
    async touch(id: string, now = Date.now()): Promise<void> {
      await db.updateTable('documents').set({ updated_at: now }).where('id', '=', id).execute();
    },
    /** Mirrors the collaborative title into the row the list reads. */
    async rename(id: string, title: string, now = Date.now()): Promise<void> {
      await db.updateTable('documents').set({ title, updated_at: now }).where('id', '=', id).execute();
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
