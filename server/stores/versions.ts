import type { VersionProjection } from '../../shared/domain/versions/projection';
import type { Executor } from '../db/database';
import { sql } from 'kysely';
import { insertionOrder } from '../db/portable';

/** A version as listed (no state, no projection). */
export interface VersionSummary {
  id: string;
  docId: string;
  label: string;
  note: string | null;
  authorId: string | null;
  authorName: string | null;
  status: string | null;
  createdAt: string;
  /** Recorded automatically while people edited (not named by anyone). */
  auto: boolean;
  /** Automatic versions: the people whose edits it holds (their current display names). */
  authors: Array<{ id: string; name: string }>;
}

/** A version with its JSON projection (what reading, diff and export need). */
export interface VersionWithJson extends VersionSummary {
  json: VersionProjection;
}

interface VersionRow {
  id: string;
  doc_id: string;
  label: string;
  note: string | null;
  author_id: string | null;
  author_name: string | null;
  status: string | null;
  created_at: number;
  auto: number;
  authors: string | null;
}

const authorIds = (row: Pick<VersionRow, 'authors'>): string[] =>
  row.authors ? (JSON.parse(row.authors) as string[]) : [];

const present = (row: VersionRow, names: ReadonlyMap<string, string> = new Map()): VersionSummary => ({
  id: row.id,
  docId: row.doc_id,
  label: row.label,
  note: row.note,
  authorId: row.author_id,
  authorName: row.author_name,
  status: row.status,
  createdAt: new Date(row.created_at).toISOString(),
  auto: row.auto === 1,
  authors: authorIds(row).map((id) => ({ id, name: names.get(id) ?? '' })),
});

/** Queries on `document_versions`. Insert-only: triggers refuse updates and deletes. */
export function createVersionStore(db: Executor) {
  const withAuthor = () =>
    db
      .selectFrom('document_versions as v')
      .leftJoin('users as u', 'u.id', 'v.author_id')
      .select([
        'v.id',
        'v.doc_id',
        'v.label',
        'v.note',
        'v.author_id',
        'u.name as author_name',
        'v.status',
        'v.created_at',
        'v.auto',
        'v.authors',
      ]);

  /** Display names of the authors of automatic versions, in one query. */
  const namesOf = async (rows: readonly VersionRow[]): Promise<Map<string, string>> => {
    const ids = [...new Set(rows.flatMap(authorIds))];
    if (ids.length === 0) return new Map();
    const users = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(users.map((user) => [user.id, user.name]));
  };

  const list = async (docId: string): Promise<VersionSummary[]> => {
    const rows = await withAuthor()
      .where('v.doc_id', '=', docId)
      .orderBy('v.created_at', 'desc')
      // Insertion order breaks ties between versions created within the same millisecond (a status change).
      .orderBy(insertionOrder(db, 'v'), 'desc')
      .execute();
    const names = await namesOf(rows);
    return rows.map((row) => present(row, names));
  };

  return {
    /** Stores a version with the current time. */
    async insert(version: {
      id: string;
      docId: string;
      label: string;
      note: string | null;
      authorId: string | null;
      status: string | null;
      state: Uint8Array;
      json: unknown;
      /** sha-256 of the state's snapshot (versionBudget.ts), to recognise an unchanged state. */
      stateHash?: string | null;
      /** An automatic version, with the ids of the people whose edits it holds. */
      auto?: { authors: readonly string[] };
    }): Promise<void> {
      const json = JSON.stringify(version.json);
      await db
        .insertInto('document_versions')
        .values({
          id: version.id,
          doc_id: version.docId,
          label: version.label,
          note: version.note,
          author_id: version.authorId,
          created_at: Date.now(),
          status: version.status,
          // A view, not a copy (a B4 state is ~220 KB).
          state: Buffer.from(version.state.buffer, version.state.byteOffset, version.state.byteLength),
          json,
          state_hash: version.stateHash ?? null,
          bytes: version.state.byteLength + Buffer.byteLength(json),
          auto: version.auto ? 1 : 0,
          authors: version.auto ? JSON.stringify(version.auto.authors) : null,
        })
        .execute();
    },
    /** Versions of a document, newest first. */
    list,
    /** The same list as a JSON array text (what GET …/versions sends); the same bytes on both engines. */
    async listJson(docId: string): Promise<string> {
      return JSON.stringify(await list(docId));
    },
    /** One version of a document with its projection (undefined if it is not this document's). */
    async get(docId: string, id: string): Promise<VersionWithJson | undefined> {
      const row = await withAuthor()
        .select('v.json')
        .where('v.doc_id', '=', docId)
        .where('v.id', '=', id)
        .executeTakeFirst();
      return row
        ? { ...present(row, await namesOf([row])), json: JSON.parse(row.json) as VersionProjection }
        : undefined;
    },
    /** The newest version of a document, with its state's fingerprint (undefined when it has none). */
    async latest(docId: string): Promise<{ id: string; stateHash: string | null } | undefined> {
      return db
        .selectFrom('document_versions as v')
        .select(['v.id', 'v.state_hash as stateHash'])
        .where('v.doc_id', '=', docId)
        .orderBy('v.created_at', 'desc')
        .orderBy(insertionOrder(db, 'v'), 'desc')
        .limit(1)
        .executeTakeFirst();
    },
    /** How many versions a document has, their bytes (state and projection), and how many since `since` (ms). */
    async usage(docId: string, since: number): Promise<{ count: number; bytes: number; recent: number }> {
      const row = await db
        .selectFrom('document_versions')
        .where('doc_id', '=', docId)
        .select([
          sql<number | string>`count(*)`.as('count'),
          sql<number | string | null>`coalesce(sum(bytes), 0)`.as('bytes'),
          sql<
            number | string | null
          >`coalesce(sum(CASE WHEN created_at >= ${since} THEN 1 ELSE 0 END), 0)`.as('recent'),
        ])
        .executeTakeFirstOrThrow();
      // PostgreSQL returns count and sum of bigint as text.
      return { count: Number(row.count), bytes: Number(row.bytes), recent: Number(row.recent) };
    },
    /** Automatic versions a thinning may remove: not the base of a feedback round; oldest first. */
    async thinnable(docId: string): Promise<Array<{ id: string; createdAt: number }>> {
      return db
        .selectFrom('document_versions as v')
        .select(['v.id', 'v.created_at as createdAt'])
        .where('v.doc_id', '=', docId)
        .where('v.auto', '=', 1)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(selectFrom('feedback_rounds as r').select('r.id').whereRef('r.version_id', '=', 'v.id')),
          ),
        )
        .orderBy('v.created_at')
        .execute();
    },
    /** Removes automatic versions (the database refuses any other). */
    async removeAuto(docId: string, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db
        .deleteFrom('document_versions')
        .where('doc_id', '=', docId)
        .where('auto', '=', 1)
        .where('id', 'in', ids)
        .execute();
    },
    /** The Yjs state of a version. */
    async state(docId: string, id: string): Promise<Uint8Array | undefined> {
      const row = await db
        .selectFrom('document_versions')
        .select('state')
        .where('doc_id', '=', docId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? new Uint8Array(row.state) : undefined;
    },
  };
}

export type VersionStore = ReturnType<typeof createVersionStore>;
