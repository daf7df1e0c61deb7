import type { Executor } from '../db/database';
import type { EvcProcedure } from '../../shared/domain/evcProcedure';

/** A team's EVC procedure with the time it last changed. */
export interface StoredEvcProcedure extends EvcProcedure {
  updatedAt: number;
}

/** Queries on `evc_procedures`: one EVC procedure per team (migration 019). */
export function createEvcProcedureStore(db: Executor) {
  return {
    /** The team's procedure; undefined when it never wrote one. */
    async get(teamId: string): Promise<StoredEvcProcedure | undefined> {
      const row = await db
        .selectFrom('evc_procedures')
        .select(['recognition', 'coverage', 'follow_up', 'updated_at'])
        .where('team_id', '=', teamId)
        .executeTakeFirst();
      return (
        row && {
          recognition: row.recognition,
          coverage: row.coverage,
          followUp: row.follow_up,
          updatedAt: Number(row.updated_at),
        }
      );
    },
    /** Writes the team's procedure whole (the last save wins: it is one form, edited rarely). */
    async put(teamId: string, procedure: EvcProcedure, now = Date.now()): Promise<void> {
      await db
        .insertInto('evc_procedures')
        .values({
          team_id: teamId,
          recognition: procedure.recognition,
          coverage: procedure.coverage,
          follow_up: procedure.followUp,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('team_id').doUpdateSet((eb) => ({
            recognition: eb.ref('excluded.recognition'),
            coverage: eb.ref('excluded.coverage'),
            follow_up: eb.ref('excluded.follow_up'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },
  };
}

export type EvcProcedureStore = ReturnType<typeof createEvcProcedureStore>;
