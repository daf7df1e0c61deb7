import type { Db } from '../db/connection';
import type { DocumentSummary } from '../../shared/schemas/documents';

interface DocumentRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
}

function present(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Prepared statements for the `documents` table. */
export function createDocumentStore(db: Db) {
  const insert = db.prepare('INSERT INTO documents (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const byId = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?');
  const exists = db.prepare<[string], number>('SELECT 1 FROM documents WHERE id = ?').pluck();
  const all = db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC, id LIMIT 500');
  const touch = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  const rename = db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?');

  return {
    /** Inserts a document row (call inside the creating transaction). */
    insert(id: string, title: string, now = Date.now()): void {
      insert.run(id, title, now, now);
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
    /** Documents, most recently changed first. */
    list(): DocumentSummary[] {
      return all.all().map(present);
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
