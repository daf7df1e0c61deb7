import type Database from 'better-sqlite3';
import type { ClientBase } from 'pg';
import { rebuild, sameDocument } from './docContent';
import type { TablePlan } from './plan';
import { quote } from './sql';

/** Documents whose rows are fetched from PostgreSQL in one round trip. */
const DOCUMENTS_PER_QUERY = 100;
/** Differing documents reported by id; the rest are only counted. */
const REPORTED = 10;

/** The outcome of comparing every document. */
export interface DocumentComparison {
  documents: number;
  problems: string[];
}

/**
 * Rebuilds every document from its doc_state and doc_updates rows on each side (the schema
 * convention outside tools rely on: decoding all of a document's rows rebuilds it) and compares the
 * two Y.Docs. The log is applied in primary-key order on both sides.
 */
export async function compareDocuments(
  sqlite: Database.Database,
  client: ClientBase,
  updates: TablePlan,
): Promise<DocumentComparison> {
  const order = updates.key.map((column) =>
    updates.rowidColumns.includes(column) ? 'rowid' : quote(column),
  );
  const ids = sqlite.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as string[];
  const sqliteState = sqlite.prepare('SELECT state FROM doc_state WHERE doc_id = ?').pluck();
  const sqliteLog = sqlite
    .prepare(`SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY ${order.join(', ')}`)
    .pluck();
  const postgresOrder = updates.key.map(quote).join(', ');
  const differing: string[] = [];

  for (let start = 0; start < ids.length; start += DOCUMENTS_PER_QUERY) {
    const batch = ids.slice(start, start + DOCUMENTS_PER_QUERY);
    const states = await client.query<{ doc_id: string; state: Buffer }>(
      'SELECT doc_id, state FROM doc_state WHERE doc_id = ANY($1)',
      [batch],
    );
    const logs = await client.query<{ doc_id: string; data: Buffer }>(
      `SELECT doc_id, data FROM doc_updates WHERE doc_id = ANY($1) ORDER BY ${postgresOrder}`,
      [batch],
    );
    const postgresRows = new Map<string, Uint8Array[]>(batch.map((id) => [id, []]));
    for (const row of states.rows) postgresRows.get(row.doc_id)?.push(row.state);
    for (const row of logs.rows) postgresRows.get(row.doc_id)?.push(row.data);
    for (const id of batch) {
      const fromSqlite = rebuild([
        ...(sqliteState.all(id) as Uint8Array[]),
        ...(sqliteLog.all(id) as Uint8Array[]),
      ]);
      const fromPostgres = rebuild(postgresRows.get(id)!);
      if (!sameDocument(fromSqlite, fromPostgres)) differing.push(id);
      fromSqlite.doc.destroy();
      fromPostgres.doc.destroy();
    }
  }
  const problems = differing.slice(0, REPORTED).map((id) => `document ${id}: de Y.Docs verschillen`);
  if (differing.length > REPORTED) problems.push(`nog ${differing.length - REPORTED} documenten verschillen`);
  return { documents: ids.length, problems };
}
