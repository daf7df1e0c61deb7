import type { Executor } from '../../db/database';
import type { TriageDecision } from '../../../shared/schemas/rounds';

/** What the owners decided about one comment or answer of a closed round. */
export interface TriageRow {
  round_id: string;
  item_kind: 'comment' | 'response';
  item_id: string;
  decision: TriageDecision;
  reason: string;
  version_id: string | null;
  version_label: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: number;
}

/** Queries on `round_triage`. */
export function triageQueries(db: Executor) {
  return {
    /** Records a decision about an item, replacing an earlier one. */
    async upsertTriage(entry: {
      roundId: string;
      itemKind: 'comment' | 'response';
      itemId: string;
      decision: TriageDecision;
      reason: string;
      versionId: string | null;
      decidedBy: string;
    }): Promise<void> {
      await db
        .insertInto('round_triage')
        .values({
          round_id: entry.roundId,
          item_kind: entry.itemKind,
          item_id: entry.itemId,
          decision: entry.decision,
          reason: entry.reason,
          version_id: entry.versionId,
          decided_by: entry.decidedBy,
          decided_at: Date.now(),
        })
        .onConflict((oc) =>
          oc.columns(['round_id', 'item_kind', 'item_id']).doUpdateSet((eb) => ({
            decision: eb.ref('excluded.decision'),
            reason: eb.ref('excluded.reason'),
            version_id: eb.ref('excluded.version_id'),
            decided_by: eb.ref('excluded.decided_by'),
            decided_at: eb.ref('excluded.decided_at'),
          })),
        )
        .execute();
    },
    /** Every decision of the round, with the version's label and the decider's name. */
    triage(roundId: string): Promise<TriageRow[]> {
      return db
        .selectFrom('round_triage as t')
        .leftJoin('document_versions as v', 'v.id', 't.version_id')
        .leftJoin('users as u', 'u.id', 't.decided_by')
        .selectAll('t')
        .select(['v.label as version_label', 'u.name as decided_by_name'])
        .where('t.round_id', '=', roundId)
        .$narrowType<{ item_kind: TriageRow['item_kind']; decision: TriageDecision }>()
        .execute();
    },
  };
}
