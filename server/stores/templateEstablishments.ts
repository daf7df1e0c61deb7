import type { Executor } from '../db/database';

/** Queries on `template_establishments`: which published versions are vastgesteld (migration 018). */
export function createTemplateEstablishmentStore(db: Executor) {
  return {
    /** Whether a version is vastgesteld: an example, or set so (false for an unknown id). */
    async isEstablished(versionId: string): Promise<boolean> {
      const row = await db
        .selectFrom('template_versions')
        .leftJoin('template_establishments', 'template_establishments.version_id', 'template_versions.id')
        .select(['template_versions.example', 'template_establishments.established_at'])
        .where('template_versions.id', '=', versionId)
        .executeTakeFirst();
      return !!row && (row.example === 1 || row.established_at !== null);
    },
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
