import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { isPostgres } from '../db/portable';

/** One row the indexer writes. */
export interface SearchEntry {
  entryKey: string;
  kind: string;
  refId: string;
  docId: string | null;
  visibility: 'team' | 'public';
  teamId: string | null;
  title: string;
  body: string;
  sourceAt: number;
}

/** A full-text hit: the entry and a snippet whose matches sit between \u0002 and \u0003. */
export interface SearchHit {
  kind: string;
  refId: string;
  docId: string | null;
  title: string;
  marked: string;
}

/** Highlight markers in the engines' snippets (never in indexed text: see searchText.ts). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** The teams a user is a member of, as a subquery. */
const teamsOf = (userId: string) => sql`(SELECT team_id FROM memberships WHERE user_id = ${userId})`;

/** The search index's reads and writes, on SQLite's FTS5 or PostgreSQL's full-text search. */
export function createSearchStore(db: Executor) {
  const postgres = isPostgres(db);
  return {
    /**
     * Team documents never indexed, or changed since and either quiet (untouched since `quietBefore`)
     * or indexed from a state older than `busyBefore` (oldest change first).
     */
    async staleDocuments(
      limit: number,
      { quietBefore, busyBefore }: { quietBefore: number; busyBefore: number },
    ) {
      return db
        .selectFrom('documents')
        .leftJoin('search_entries', (join) =>
          join.on((eb) => eb('search_entries.entry_key', '=', sql<string>`'doc:' || documents.id`)),
        )
        .select(['documents.id', 'documents.kind', 'documents.team_id', 'documents.updated_at'])
        .where('documents.team_id', 'is not', null)
        .where((eb) =>
          eb.or([
            eb('search_entries.entry_key', 'is', null),
            eb.and([
              eb('search_entries.source_at', '<', eb.ref('documents.updated_at')),
              eb.or([
                eb('documents.updated_at', '<=', quietBefore),
                eb('search_entries.source_at', '<=', busyBefore),
              ]),
            ]),
          ]),
        )
        .orderBy('documents.updated_at')
        .limit(limit)
        .execute();
    },

    /** Published ontwikkelpad versions not indexed yet (they never change). */
    async unindexedTemplates(limit: number) {
      return db
        .selectFrom('template_versions')
        .leftJoin('search_entries', (join) =>
          join.on((eb) =>
            eb('search_entries.entry_key', '=', sql<string>`'template:' || template_versions.id`),
          ),
        )
        .select(['template_versions.id', 'template_versions.content', 'template_versions.published_at'])
        .where('search_entries.entry_key', 'is', null)
        .limit(limit)
        .execute();
    },

    /** Catalog publications not indexed yet, or approved again since. */
    async stalePublications(limit: number) {
      return db
        .selectFrom('design_publications')
        .leftJoin('search_entries', (join) =>
          join.on((eb) =>
            eb('search_entries.entry_key', '=', sql<string>`'catalog:' || design_publications.doc_id`),
          ),
        )
        .select([
          'design_publications.doc_id',
          'design_publications.state',
          'design_publications.approved_at',
        ])
        .where((eb) =>
          eb.or([
            eb('search_entries.entry_key', 'is', null),
            eb('search_entries.source_at', '<', eb.ref('design_publications.approved_at')),
          ]),
        )
        .limit(limit)
        .execute();
    },

    /** Writes (or replaces) an entry. */
    async put(entry: SearchEntry): Promise<void> {
      const row = {
        entry_key: entry.entryKey,
        kind: entry.kind,
        ref_id: entry.refId,
        doc_id: entry.docId,
        visibility: entry.visibility,
        team_id: entry.teamId,
        title: entry.title,
        body: entry.body,
        source_at: entry.sourceAt,
      };
      const { entry_key: _key, ...changes } = row;
      await db
        .insertInto('search_entries')
        .values(row)
        .onConflict((oc) => oc.column('entry_key').doUpdateSet(changes))
        .execute();
    },

    /** Entries matching every term (as a prefix) that `userId` may see, best first. */
    async search(userId: string, terms: readonly string[], limit: number): Promise<SearchHit[]> {
      const visible = sql`(s.visibility = 'public' OR s.team_id IN ${teamsOf(userId)})`;
      if (postgres) {
        const query = terms.map((term) => `${term}:*`).join(' & ');
        // The headline only for the rows kept: ts_headline re-parses the whole text.
        const { rows } = await sql<SearchHit>`
          SELECT top.kind, top.ref_id AS "refId", top.doc_id AS "docId", top.title,
            ts_headline('simple', top.title || E'\n' || top.body, top.q,
              ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`}) AS marked
          FROM (
            SELECT s.kind, s.ref_id, s.doc_id, s.title, s.body, q, ts_rank(s.tsv, q) AS rank, s.source_at
            FROM search_entries s, to_tsquery('simple', ${query}) q
            WHERE s.tsv @@ q AND ${visible}
            ORDER BY rank DESC, s.source_at DESC
            LIMIT ${limit}
          ) top
          ORDER BY top.rank DESC, top.source_at DESC`.execute(db);
        return rows;
      }
      const query = terms.map((term) => `"${term}"*`).join(' ');
      const { rows } = await sql<SearchHit>`
        SELECT s.kind, s.ref_id AS refId, s.doc_id AS docId, s.title,
          snippet(search_fts, -1, ${MARK_START}, ${MARK_END}, '…', 20) AS marked
        FROM search_fts JOIN search_entries s ON s.id = search_fts.rowid
        WHERE search_fts MATCH ${query} AND ${visible}
        ORDER BY bm25(search_fts, 8.0, 1.0), s.source_at DESC
        LIMIT ${limit}`.execute(db);
      return rows;
    },
  };
}

/** The search index store. */
export type SearchStore = ReturnType<typeof createSearchStore>;
