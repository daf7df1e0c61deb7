/** The part of a pending write that decides its place in the log. */
interface LogWrite {
  docId: string;
  update: Uint8Array;
}

/** True for a Yjs v1 update that carries nothing (no structs, no deletions): it is never stored. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((byte) => byte === 0);
}

/** How many rows each document gets from `writes` (empty updates get none), in first-seen order. */
export function rowsPerDoc(writes: readonly LogWrite[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const write of writes) {
    if (!isEmptyUpdate(write.update)) counts.set(write.docId, (counts.get(write.docId) ?? 0) + 1);
  }
  return counts;
}

/**
 * The seq of each write, given each document's head after the batch advanced it by its row count:
 * a document's rows get the seqs up to its head, in batch order. 0 for an empty update.
 */
export function seqsOf(
  writes: readonly LogWrite[],
  counts: ReadonlyMap<string, number>,
  heads: ReadonlyMap<string, number>,
): number[] {
  const next = new Map<string, number>();
  for (const [docId, count] of counts) {
    const head = heads.get(docId);
    if (head === undefined) throw new Error(`no log head returned for document ${docId}`);
    next.set(docId, head - count + 1);
  }
  return writes.map((write) => {
    if (isEmptyUpdate(write.update)) return 0;
    const seq = next.get(write.docId)!;
    next.set(write.docId, seq + 1);
    return seq;
  });
}
