import type { Db } from '../db/connection';
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
  status: DesignStatus;
  created_at: number;
  updated_at: number;
}

const presentTraject = (row: TrajectRow): Traject => ({
  id: row.id,
  teamId: row.team_id,
  templateVersionId: row.template_version_id,
  title: row.title,
  status: row.status,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** Prepared statements for `designs`, `trajects` and `traject_items`. */
export function createDesignStore(db: Db) {
  const insertDesign = db.prepare('INSERT INTO designs (doc_id, template_version_id) VALUES (?, ?)');
  const designByDoc = db.prepare<[string], { doc_id: string; template_version_id: string }>(
    'SELECT * FROM designs WHERE doc_id = ?',
  );
  const repin = db.prepare('UPDATE designs SET template_version_id = ? WHERE doc_id = ?');
  const insertTraject = db.prepare(
    `INSERT INTO trajects (id, team_id, template_version_id, title, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const trajectById = db.prepare<[string], TrajectRow>('SELECT * FROM trajects WHERE id = ?');
  const trajectsOfTeam = db.prepare<[string], TrajectRow>(
    'SELECT * FROM trajects WHERE team_id = ? ORDER BY updated_at DESC',
  );
  const itemsOf = db.prepare<
    [string],
    {
      design_doc_id: string;
      position: number;
      alternative_group: string | null;
      publication_id: string | null;
    }
  >(
    'SELECT design_doc_id, position, alternative_group, publication_id FROM traject_items WHERE traject_id = ? ORDER BY position, design_doc_id',
  );
  const clearItems = db.prepare('DELETE FROM traject_items WHERE traject_id = ?');
  const insertItem = db.prepare(
    'INSERT INTO traject_items (traject_id, design_doc_id, position, alternative_group, publication_id) VALUES (?, ?, ?, ?, ?)',
  );
  const touchTraject = db.prepare('UPDATE trajects SET updated_at = ? WHERE id = ?');

  return {
    insertDesign(docId: string, templateVersionId: string): void {
      insertDesign.run(docId, templateVersionId);
    },
    getDesign(docId: string): DesignRow | undefined {
      const row = designByDoc.get(docId);
      return row ? { docId: row.doc_id, templateVersionId: row.template_version_id } : undefined;
    },
    repin(docId: string, templateVersionId: string): void {
      repin.run(templateVersionId, docId);
    },
    insertTraject(traject: {
      id: string;
      teamId: string;
      templateVersionId: string;
      title: string;
      createdBy: string;
    }) {
      const now = Date.now();
      insertTraject.run(
        traject.id,
        traject.teamId,
        traject.templateVersionId,
        traject.title,
        traject.createdBy,
        now,
        now,
      );
    },
    getTraject(id: string): Traject | undefined {
      const row = trajectById.get(id);
      return row ? presentTraject(row) : undefined;
    },
    trajectsOfTeam(teamId: string): Traject[] {
      return trajectsOfTeam.all(teamId).map(presentTraject);
    },
    items(trajectId: string): TrajectItem[] {
      return itemsOf.all(trajectId).map((row) => ({
        designId: row.design_doc_id,
        position: row.position,
        alternativeGroup: row.alternative_group,
        publicationId: row.publication_id,
      }));
    },
    /** Replaces a traject's items (call inside a transaction). */
    setItems(trajectId: string, items: readonly TrajectItem[]): void {
      clearItems.run(trajectId);
      for (const item of items)
        insertItem.run(trajectId, item.designId, item.position, item.alternativeGroup, item.publicationId);
      touchTraject.run(Date.now(), trajectId);
    },
  };
}

export type DesignStore = ReturnType<typeof createDesignStore>;
