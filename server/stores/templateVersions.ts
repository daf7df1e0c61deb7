import type { Db } from '../db/connection';
import type { TemplateContent, TemplateKind, Sector } from '../../shared/domain/template/types';

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
  kind: TemplateKind;
  sectors: string;
  nlqf_level: number | null;
  content: string;
  change_note: string;
  example: number;
  published_at: number;
}

const summary = (row: Row): TemplateVersionSummary => ({
  id: row.id,
  templateKey: row.template_key,
  teamId: row.team_id,
  title: row.title,
  kind: row.kind,
  sectors: row.sectors.split(',').filter(Boolean) as Sector[],
  nlqfLevel: row.nlqf_level,
  version: `${row.major}.${row.minor}`,
  changeNote: row.change_note,
  example: row.example === 1,
  publishedAt: new Date(row.published_at).toISOString(),
});

/** Filters of the library. */
export interface LibraryFilter {
  kind?: TemplateKind | undefined;
  sector?: Sector | undefined;
  /** Free text, matched against title and content. */
  q?: string | undefined;
}

/** Prepared statements for `template_versions` (insert and read only: versions are immutable). */
export function createTemplateVersionStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO template_versions (id, template_key, team_id, draft_doc_id, major, minor, title, kind, sectors,
       nlqf_level, content, change_note, example, published_by, published_at)
     VALUES (@id, @templateKey, @teamId, @draftDocId, @major, @minor, @title, @kind, @sectors, @nlqfLevel,
       @content, @changeNote, @example, @publishedBy, @publishedAt)`,
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM template_versions WHERE id = ?');
  const byKey = db.prepare<[string], Row>(
    'SELECT * FROM template_versions WHERE template_key = ? ORDER BY major DESC, minor DESC',
  );
  const search = db.prepare<{ kind: string | null; sector: string | null; q: string | null }, Row>(
    `SELECT * FROM template_versions
     WHERE (@kind IS NULL OR kind = @kind)
       AND (@sector IS NULL OR ',' || sectors || ',' LIKE '%,' || @sector || ',%')
       AND (@q IS NULL OR title LIKE '%' || @q || '%' ESCAPE '\\'
         -- Only the text values of the content, never its JSON keys ("title", "id" …).
         OR EXISTS (SELECT 1 FROM json_tree(template_versions.content)
                    WHERE json_tree.type = 'text' AND json_tree.value LIKE '%' || @q || '%' ESCAPE '\\'))
     ORDER BY published_at DESC, major DESC, minor DESC
     LIMIT 200`,
  );

  return {
    insert(version: {
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
    }): void {
      insert.run({
        ...version,
        title: version.content.title,
        kind: version.content.kind,
        sectors: version.content.sectors.join(','),
        nlqfLevel: version.content.nlqfLevel,
        content: JSON.stringify(version.content),
        example: version.example ? 1 : 0,
        publishedAt: Date.now(),
      });
    },
    get(id: string): TemplateVersion | undefined {
      const row = byId.get(id);
      return row ? { ...summary(row), content: JSON.parse(row.content) as TemplateContent } : undefined;
    },
    /** Every version of one ontwikkelpad, newest first. */
    versionsOf(templateKey: string): TemplateVersionSummary[] {
      return byKey.all(templateKey).map(summary);
    },
    /** The library: published versions, newest first, filtered. */
    search(filter: LibraryFilter): TemplateVersionSummary[] {
      const q = filter.q?.trim() ? filter.q.trim().replace(/[\\%_]/g, (char) => `\\${char}`) : null;
      return search.all({ kind: filter.kind ?? null, sector: filter.sector ?? null, q }).map(summary);
    },
  };
}

export type TemplateVersionStore = ReturnType<typeof createTemplateVersionStore>;
