import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/database';
import { isPostgres, likeIgnoringCase } from '../db/portable';
import type {
  TemplateContent,
  TemplateKind,
  TemplateRichText,
  Sector,
} from '../../shared/domain/template/types';

/** A published ontwikkelpad version as the library lists it. */
export interface TemplateVersionSummary {
  id: string;
  templateKey: string;
  teamId: string;
  title: string;
  kind: TemplateKind;
  sectors: Sector[];
  nlqfLevel: number | null;
  version: string;
  changeNote: string;
  example: boolean;
  publishedAt: string;
  publishedBy: string | null;
  /**
   * Vastgesteld (001 l.70), or still a concept-versie. Examples are the platform's own and always
   * vastgesteld.
   */
  established: boolean;
  establishedAt: string | null;
}

/** A published version with its full content. */
export interface TemplateVersion extends TemplateVersionSummary {
  content: TemplateContent;
}

interface Row {
  id: string;
  template_key: string;
  team_id: string;
  major: number;
  minor: number;
  title: string;
  kind: string;
  sectors: string;
  nlqf_level: number | null;
  change_note: string;
  example: number;
  published_at: number;
  published_by: string | null;
  established_at: number | null;
}

const SUMMARY_COLUMNS = [
  'id',
  'template_key',
  'team_id',
  'major',
  'minor',
  'title',
  'kind',
  'sectors',
  'nlqf_level',
  'change_note',
  'example',
  'published_at',
  'published_by',
  'established_at',
] as const;

const summary = (row: Row): TemplateVersionSummary => ({
  id: row.id,
  templateKey: row.template_key,
  teamId: row.team_id,
  title: row.title,
  kind: row.kind as TemplateKind,
  sectors: row.sectors.split(',').filter(Boolean) as Sector[],
  nlqfLevel: row.nlqf_level,
  version: `${row.major}.${row.minor}`,
  changeNote: row.change_note,
  example: row.example === 1,
  publishedAt: new Date(row.published_at).toISOString(),
  publishedBy: row.published_by,
  established: row.example === 1 || row.established_at !== null,
  establishedAt: row.established_at === null ? null : new Date(row.established_at).toISOString(),
});

/** Filters of the library. */
export interface LibraryFilter {
  kind?: TemplateKind | undefined;
  sector?: Sector | undefined;
  /** Free text, matched against title and content. */
  q?: string | undefined;
}

/** `%text%` for LIKE … ESCAPE '\\', with the wildcards in the text matched literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * Whether any text value of a row's content (never its JSON keys: "title", "id" …) matches a LIKE
 * pattern, case-insensitively. The rich-text structure is left out: its text is in the plain fields,
 * and its node and mark names ("paragraph", "bold") are no content.
 */
function contentMatches(db: Executor, pattern: string): Expression<SqlBool> {
  if (isPostgres(db)) {
    return sql<SqlBool>`EXISTS (SELECT 1 FROM jsonb_path_query(template_versions.content::jsonb - 'rich', 'strict $.**') AS v
      WHERE jsonb_typeof(v) = 'string' AND ${likeIgnoringCase(db, sql`v #>> '{}'`, pattern)})`;
  }
  return sql<SqlBool>`EXISTS (SELECT 1 FROM json_tree(json_remove(template_versions.content, '$.rich'))
    WHERE json_tree.type = 'text' AND ${likeIgnoringCase(db, sql.ref('json_tree.value'), pattern)})`;
}

/** Whether a row's content has no `rich` key yet (null counts as present: nothing to recover). */
function richTextMissing(db: Executor): Expression<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`NOT (content::jsonb ? 'rich')`
    : sql<SqlBool>`json_type(content, '$.rich') IS NULL`;
}

/**
 * First key of the advisory locks on one ontwikkelpad's version line; the second is the hash of its
 * key. Two-key advisory locks never collide with the one-key migration and seed locks.
 */
const VERSION_LINE_LOCK = 16_021;

/** Queries on `template_versions` (insert and read only: versions are immutable). */
export function createTemplateVersionStore(db: Executor) {
  // Whether a version is vastgesteld lives beside it (migration 018): the version row is immutable.
  const versions = () =>
    db
      .selectFrom('template_versions')
      .leftJoin('template_establishments', 'template_establishments.version_id', 'template_versions.id');
  return {
    /** Publishes a version (a taken template key and number throws a unique violation). */
    async insert(version: {
      id: string;
      templateKey: string;
      teamId: string;
      draftDocId: string | null;
      major: number;
      minor: number;
      content: TemplateContent;
      changeNote: string;
      example: boolean;
      publishedBy: string | null;
    }): Promise<void> {
      await db
        .insertInto('template_versions')
        .values({
          id: version.id,
          template_key: version.templateKey,
          team_id: version.teamId,
          draft_doc_id: version.draftDocId,
          major: version.major,
          minor: version.minor,
          title: version.content.title,
          kind: version.content.kind,
          sectors: version.content.sectors.join(','),
          nlqf_level: version.content.nlqfLevel,
          content: JSON.stringify(version.content),
          change_note: version.changeNote,
          // An integer on both engines: better-sqlite3 cannot bind a boolean.
          example: version.example ? 1 : 0,
          published_by: version.publishedBy,
          published_at: Date.now(),
        })
        .execute();
    },
    /**
     * Holds the version line of `templateKey` until the transaction ends, so that two publications
     * cannot both build on the same latest version. PostgreSQL only: the line has no row of its own
     * to lock; SQLite runs one transaction at a time.
     */
    async lockVersionLine(templateKey: string): Promise<void> {
      if (isPostgres(db))
        await sql`SELECT pg_advisory_xact_lock(${VERSION_LINE_LOCK}, hashtext(${templateKey}))`.execute(db);
    },
    /** One version with its content. */
    async get(id: string): Promise<TemplateVersion | undefined> {
      const row = await versions()
        .select([...SUMMARY_COLUMNS, 'content'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { ...summary(row), content: JSON.parse(row.content) as TemplateContent } : undefined;
    },
    /** Versions published before rich text was kept and not yet recovered (see templateRichText.ts). */
    async withoutRichText(): Promise<
      Array<{ id: string; draftDocId: string | null; content: TemplateContent }>
    > {
      const rows = await db
        .selectFrom('template_versions')
        .select(['id', 'draft_doc_id', 'content'])
        .where(richTextMissing(db))
        .orderBy('published_at')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        draftDocId: row.draft_doc_id,
        content: JSON.parse(row.content) as TemplateContent,
      }));
    },
    /**
     * Adds the recovered rich text (null: none) to a version without it: the one change a published
     * version allows (migration 014). The rest of the stored text stays byte for byte as published.
     */
    async addRichText(id: string, rich: TemplateRichText | null): Promise<void> {
      await db
        .updateTable('template_versions')
        .set({
          content: sql<string>`substr(content, 1, length(content) - 1) || ${`,"rich":${JSON.stringify(rich)}}`}`,
        })
        .where('id', '=', id)
        .where(richTextMissing(db))
        .execute();
    },
    /** Every version of one ontwikkelpad, newest first. */
    async versionsOf(templateKey: string): Promise<TemplateVersionSummary[]> {
      const rows = await versions()
        .select(SUMMARY_COLUMNS)
        .where('template_key', '=', templateKey)
        .orderBy('major', 'desc')
        .orderBy('minor', 'desc')
        .execute();
      return rows.map(summary);
    },
    /** The library: published versions, newest first, filtered (at most 200). */
    async search(filter: LibraryFilter): Promise<TemplateVersionSummary[]> {
      let query = versions().select(SUMMARY_COLUMNS);
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      // Sectors are stored comma-separated: match a whole item, never a part of one.
      if (filter.sector) {
        const item = containing(`,${filter.sector},`);
        query = query.where(likeIgnoringCase(db, sql`',' || sectors || ','`, item));
      }
      const q = filter.q?.trim();
      if (q) {
        const pattern = containing(q);
        query = query.where(({ or }) =>
          or([likeIgnoringCase(db, sql.ref('title'), pattern), contentMatches(db, pattern)]),
        );
      }
      const rows = await query
        .orderBy('published_at', 'desc')
        .orderBy('major', 'desc')
        .orderBy('minor', 'desc')
        .limit(200)
        .execute();
      return rows.map(summary);
    },
  };
}

export type TemplateVersionStore = ReturnType<typeof createTemplateVersionStore>;
