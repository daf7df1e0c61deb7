import type { Executor } from '../db/database';
import { changed } from '../db/portable';
import { lockingRead } from './rowLock';
import type { DesignStatus } from '../../shared/domain/lifecycle';

/** A design's pin to its template version. */
export interface DesignRow {
  docId: string;
  templateVersionId: string;
}

/** A traject and its items. */
export interface Traject {
  id: string;
  teamId: string;
  templateVersionId: string;
  title: string;
  status: DesignStatus;
  createdAt: string;
  updatedAt: string;
}

export interface TrajectItem {
  designId: string;
  position: number;
  alternativeGroup: string | null;
  /** Set for another team's design, included through its catalog publication (the same id). */
  publicationId: string | null;
}

interface TrajectRow {
  id: string;
  team_id: string;
  template_version_id: string;
  title: string;
  status: string;
  created_at: number;
  updated_at: number;
}

const presentTraject = (row: TrajectRow): Traject => ({
  id: row.id,
  teamId: row.team_id,
  templateVersionId: row.template_version_id,
  title: row.title,
  status: row.status as DesignStatus,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

const TRAJECT_COLUMNS = [
  'id',
  'team_id',
  'template_version_id',
  'title',
  'status',
  'created_at',
  'updated_at',
] as const;

/** Queries on `designs`, `trajects` and `traject_items`. */
export function createDesignStore(db: Executor) {
  return {
    /** Pins a new design to a template version. */
    async insertDesign(docId: string, templateVersionId: string): Promise<void> {
      await db
        .insertInto('designs')
        .values({ doc_id: docId, template_version_id: templateVersionId })
        .execute();
    },
    /** A design's pin, or undefined for a document that is no design. */
    async getDesign(docId: string): Promise<DesignRow | undefined> {
      const row = await db
        .selectFrom('designs')
        .select(['doc_id', 'template_version_id'])
        .where('doc_id', '=', docId)
        .executeTakeFirst();
      return row ? { docId: row.doc_id, templateVersionId: row.template_version_id } : undefined;
    },
    /** Pins a design to another template version if it is still pinned to `fromId` (false otherwise). */
    async repin(docId: string, templateVersionId: string, fromId: string): Promise<boolean> {
      const result = await db
        .updateTable('designs')
        .set({ template_version_id: templateVersionId })
        .where('doc_id', '=', docId)
        .where('template_version_id', '=', fromId)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Inserts a traject without items. */
    async insertTraject(traject: {
      id: string;
      teamId: string;
      templateVersionId: string;
      title: string;
      createdBy: string;
    }): Promise<void> {
      const now = Date.now();
      await db
        .insertInto('trajects')
        .values({
          id: traject.id,
          team_id: traject.teamId,
          template_version_id: traject.templateVersionId,
          title: traject.title,
          created_by: traject.createdBy,
          created_at: now,
          updated_at: now,
        })
        .execute();
    },
    /** A traject by id. */
    async getTraject(id: string): Promise<Traject | undefined> {
      const row = await db
        .selectFrom('trajects')
        .select(TRAJECT_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? presentTraject(row) : undefined;
    },
    /** A traject, its row locked until the transaction ends (a change of its items or status waits). */
    async lockTraject(id: string): Promise<Traject | undefined> {
      const row = await lockingRead(
        db,
        db.selectFrom('trajects').select(TRAJECT_COLUMNS).where('id', '=', id),
        'update',
      ).executeTakeFirst();
      return row ? presentTraject(row) : undefined;
    },
    /** A team's trajects, last changed first. */
    async trajectsOfTeam(teamId: string): Promise<Traject[]> {
      const rows = await db
        .selectFrom('trajects')
        .select(TRAJECT_COLUMNS)
        .where('team_id', '=', teamId)
        .orderBy('updated_at', 'desc')
        .execute();
      return rows.map(presentTraject);
    },
    /** A traject's items in order. */
    async items(trajectId: string): Promise<TrajectItem[]> {
      const rows = await db
        .selectFrom('traject_items')
        .select(['design_doc_id', 'position', 'alternative_group', 'publication_id'])
        .where('traject_id', '=', trajectId)
        .orderBy('position')
        .orderBy('design_doc_id')
        .execute();
      return rows.map((row) => ({
        designId: row.design_doc_id,
        position: row.position,
        alternativeGroup: row.alternative_group,
        publicationId: row.publication_id,
      }));
    },
    /** Replaces a traject's items (call inside a transaction). */
    async setItems(trajectId: string, items: readonly TrajectItem[]): Promise<void> {
      await db.deleteFrom('traject_items').where('traject_id', '=', trajectId).execute();
      if (items.length > 0) {
        await db
          .insertInto('traject_items')
          .values(
            items.map((item) => ({
              traject_id: trajectId,
              design_doc_id: item.designId,
              position: item.position,
              alternative_group: item.alternativeGroup,
              publication_id: item.publicationId,
            })),
          )
          .execute();
      }
      await db.updateTable('trajects').set({ updated_at: Date.now() }).where('id', '=', trajectId).execute();
    },
  };
}

export type DesignStore = ReturnType<typeof createDesignStore>;
