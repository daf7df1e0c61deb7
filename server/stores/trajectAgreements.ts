import type { Executor } from '../db/database';

/** A recorded agreement with another provider about one leerarrangement in a traject (001 l.283). */
export interface TrajectAgreement {
  designId: string;
  confirmedBy: string | null;
  confirmedAt: string;
}

/** Queries on `traject_agreements`. */
export function createTrajectAgreementStore(db: Executor) {
  return {
    /** Every recorded agreement of a traject. */
    async ofTraject(trajectId: string): Promise<TrajectAgreement[]> {
      const rows = await db
        .selectFrom('traject_agreements')
        .select(['design_doc_id', 'confirmed_by', 'confirmed_at'])
        .where('traject_id', '=', trajectId)
        .execute();
      return rows.map((row) => ({
        designId: row.design_doc_id,
        confirmedBy: row.confirmed_by,
        confirmedAt: new Date(row.confirmed_at).toISOString(),
      }));
    },
    /** Records (true) or withdraws (false) the agreement about one item; idempotent. */
    async set(trajectId: string, designId: string, confirmed: boolean, userId: string): Promise<void> {
      if (!confirmed) {
        await db
          .deleteFrom('traject_agreements')
          .where('traject_id', '=', trajectId)
          .where('design_doc_id', '=', designId)
          .execute();
        return;
      }
      await db
        .insertInto('traject_agreements')
        .values({
          traject_id: trajectId,
          design_doc_id: designId,
          confirmed_by: userId,
          confirmed_at: Date.now(),
        })
        .onConflict((conflict) => conflict.columns(['traject_id', 'design_doc_id']).doNothing())
        .execute();
    },
  };
}

export type TrajectAgreementStore = ReturnType<typeof createTrajectAgreementStore>;
