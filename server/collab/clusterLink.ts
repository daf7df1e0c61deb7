import type { LogRow } from './appliedSeqs';
import type { Room } from './room';
import type { PendingWrite } from './writer';

/**
 * What the room registry tells the other instances serving the same database (server/cluster):
 * an instance alone uses ALONE. Every method returns at once and never throws: the cluster being
 * unreachable degrades relaying between instances, never this instance's own work.
 */
export interface ClusterLink {
  /** Before a document is read for a room: hear about the rows others commit from now on. */
  watch(docId: string): Promise<void>;
  /** Stops hearing about the document (once per watch: after its unload, or its failed load). */
  unwatch(docId: string): void;
  /** A room was loaded (its presence is shared from now on). */
  opened(room: Room): void;
  /** A room is being unloaded. */
  closed(room: Room): void;
  /** Rows this instance committed for one document, after they were applied and relayed here. */
  committed(docId: string, rows: ReadonlyArray<Required<LogRow>>): void;
  /** Sessions ended here (logout, password change …): their sockets elsewhere close too. */
  sessionsClosed(sessionIds: readonly string[], reason: string): void;
  /** A user's access changed here: their sockets elsewhere are checked again. */
  accessChanged(userId: string, teamId: string | undefined): void;
}

/** The link of an instance that runs alone. */
export const ALONE: ClusterLink = {
  watch: async () => {},
  unwatch: () => {},
  opened: () => {},
  closed: () => {},
  committed: () => {},
  sessionsClosed: () => {},
  accessChanged: () => {},
};

/** Tells the other instances what a committed batch wrote, per document, in seq order. */
export function announceBatch(
  link: ClusterLink,
  batch: readonly PendingWrite[],
  seqs: readonly number[],
): void {
  if (link === ALONE) return;
  const byDoc = new Map<string, Array<Required<LogRow>>>();
  batch.forEach((write, index) => {
    const seq = seqs[index] ?? 0;
    if (seq === 0) return;
    const rows = byDoc.get(write.docId);
    if (rows) rows.push({ seq, update: write.update });
    else byDoc.set(write.docId, [{ seq, update: write.update }]);
  });
  for (const [docId, rows] of byDoc) link.committed(docId, rows);
}
