import type { Db } from '../db/connection';
import type { DocumentKind, DocumentSummary } from '../../shared/schemas/documents';

interface DocumentRow {
  id: string;
  team_id: string | null;
  kind: DocumentKind;
  title: string;
  created_at: number;
  updated_at: number;
}

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

/** Prepared statements for the `documents` table. */
export function createDocumentStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO documents (id, team_id, created_by, kind, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?');
  const exists = db.prepare<[string], number>('SELECT 1 FROM documents WHERE id = ?').pluck();
  const forUser = db.prepare<[string], DocumentRow>(
    `SELECT documents.* FROM documents JOIN memberships ON memberships.team_id = documents.team_id
     WHERE memberships.user_id = ? ORDER BY documents.updated_at DESC, documents.id LIMIT 500`,
  );
  const forTeam = db.prepare<[string], DocumentRow>(
    'SELECT * FROM documents WHERE team_id = ? ORDER BY updated_at DESC, id LIMIT 500',
  );
  const touch = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  const rename = db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?');

  return {
    /** Inserts a document row (call inside the creating transaction). */
    insert(
      document: { id: string; teamId: string; createdBy: string; title: string; kind?: DocumentKind },
      now = Date.now(),
    ): void {
      insert.run(
        document.id,
        document.teamId,
        document.createdBy,
        document.kind ?? 'document',
        document.title,
        now,
        now,
      );
    },
    /** The document, or undefined. */
    get(id: string): DocumentSummary | undefined {
      const row = byId.get(id);
      return row ? present(row) : undefined;
    },
    /** Whether a document with this id exists. */
    exists(id: string): boolean {
      return exists.get(id) !== undefined;
    },
    /** Documents of every team the user belongs to, most recently changed first. */
    listForUser(userId: string): DocumentSummary[] {
      return forUser.all(userId).map(present);
    },
    /** Documents of one team, most recently changed first. */
    listForTeam(teamId: string): DocumentSummary[] {
      return forTeam.all(teamId).map(present);
    },
    /** Records that the document changed. */
    touch(id: string, now = Date.now()): void {
      touch.run(now, id);
    },
    /** Mirrors the collaborative title into the row the list reads. */
    rename(id: string, title: string, now = Date.now()): void {
      rename.run(title, now, id);
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
