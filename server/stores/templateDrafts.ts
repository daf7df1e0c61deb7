import type { Executor } from '../db/database';

/** An ontwikkelpad draft: its document and the version line it publishes into. */
export interface TemplateDraft {
  docId: string;
  templateKey: string;
  basedOnVersionId: string | null;
}

/** Queries on `template_drafts`. */
export function createTemplateDraftStore(db: Executor) {
  return {
    async insert(draft: TemplateDraft): Promise<void> {
      await db
        .insertInto('template_drafts')
        .values({
          doc_id: draft.docId,
          template_key: draft.templateKey,
          based_on_version_id: draft.basedOnVersionId,
        })
        .execute();
    },
    async get(docId: string): Promise<TemplateDraft | undefined> {
      const row = await db
        .selectFrom('template_drafts')
        .selectAll()
        .where('doc_id', '=', docId)
        .executeTakeFirst();
      return row
        ? { docId: row.doc_id, templateKey: row.template_key, basedOnVersionId: row.based_on_version_id }
        : undefined;
    },
  };
}

export type TemplateDraftStore = ReturnType<typeof createTemplateDraftStore>;
