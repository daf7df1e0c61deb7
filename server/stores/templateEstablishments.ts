import type { Executor } from '../db/database';

/** Queries on `template_establishments`: which published versions are vastgesteld (migration 018). */
export function createTemplateEstablishmentStore(db: Executor) {
  return {
    /** Sets a version vastgesteld; false, doing nothing, when it already was. */
    async establish(versionId: string, userId: string, now = Date.now()): Promise<boolean> {
      const result = await db
        .insertInto('template_establishments')
        .values({ version_id: versionId, established_by: userId, established_at: now })
        .onConflict((conflict) => conflict.column('version_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}

export type TemplateEstablishmentStore = ReturnType<typeof createTemplateEstablishmentStore>;
