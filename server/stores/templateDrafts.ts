import type { Db } from '../db/connection';

/** An ontwikkelpad draft: its document and the version line it publishes into. */
export interface TemplateDraft {
  docId: string;
  templateKey: string;
  basedOnVersionId: string | null;
}

interface Row {
  doc_id: string;
  template_key: string;
  based_on_version_id: string | null;
}

/** Prepared statements for `template_drafts`. */
export function createTemplateDraftStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO template_drafts (doc_id, template_key, based_on_version_id) VALUES (?, ?, ?)',
  );
  const byDoc = db.prepare<[string], Row>('SELECT * FROM template_drafts WHERE doc_id = ?');
  return {
    insert(draft: TemplateDraft): void {
      insert.run(draft.docId, draft.templateKey, draft.basedOnVersionId);
    },
    get(docId: string): TemplateDraft | undefined {
      const row = byDoc.get(docId);
      return row
        ? { docId: row.doc_id, templateKey: row.template_key, basedOnVersionId: row.based_on_version_id }
        : undefined;
    },
  };
}

export type TemplateDraftStore = ReturnType<typeof createTemplateDraftStore>;
