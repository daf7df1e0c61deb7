/** A committed row of a document's log: its seq, and its bytes unless they must be read from storage. */
export interface LogRow {
  seq: number;
  update?: Uint8Array;
}

/**
 * Which of a document's log rows a room's doc contains. With several instances writing one document,
 * rows arrive out of order: this instance's own commits are applied at once (they only build on what
 * it had), another instance's rows only in seq order (a row may build on any row before it), so those
 * wait here until the rows before them are in. `contiguous` is what compaction may cover: every row
 * up to it is in the doc.
 */
export class AppliedSeqs {
  /** Every row up to this seq is in the doc. */
  contiguous: number;
  /** Highest seq known to exist (from any source). */
  newest: number;
  /** Applied rows above `contiguous`. */
  private readonly ahead = new Set<number>();
  /** Other instances' rows above `contiguous + 1`, waiting for the rows before them. */
  private readonly waiting = new Map<number, Uint8Array>();

  constructor(seq: number) {
    this.contiguous = seq;
    this.newest = seq;
  }

  /** Whether row `seq` is in the doc. */
  has(seq: number): boolean {
    return seq <= this.contiguous || this.ahead.has(seq);
  }

  /** Rows known to exist that the doc does not contain yet (some may be waiting here). */
  get missing(): boolean {
    return this.newest > this.contiguous;
  }

  /** Rows received and waiting for earlier ones (diagnostics, tests). */
  get waitingCount(): number {
    return this.waiting.size;
  }

  /** Notes that rows up to `seq` exist (a head read from storage, a bell without bytes). */
  saw(seq: number): void {
    if (seq > this.newest) this.newest = seq;
  }

  /** Marks row `seq` as applied. */
  applied(seq: number): void {
    if (seq <= this.contiguous) return;
    this.saw(seq);
    this.waiting.delete(seq);
    this.ahead.add(seq);
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous++;
  }

  /**
   * Takes another instance's rows and answers those to apply now, in seq order (it and the waiting
   * rows it unblocks), marked applied: the caller applies them before doing anything else.
   */
  offer(rows: readonly LogRow[]): Array<Required<LogRow>> {
    for (const { seq, update } of rows) {
      this.saw(seq);
      if (update && !this.has(seq)) this.waiting.set(seq, update);
    }
    const ready: Array<Required<LogRow>> = [];
    for (let next = this.contiguous + 1; ; next = this.contiguous + 1) {
      const update = this.waiting.get(next);
      if (!update) break;
      ready.push({ seq: next, update });
      this.applied(next);
    }
    return ready;
  }

  /** A compacted state covering every row up to `seq` was applied (catching up past a compaction). */
  covered(seq: number): void {
    if (seq <= this.contiguous) return;
    this.contiguous = seq;
    this.saw(seq);
    for (const applied of this.ahead) if (applied <= seq) this.ahead.delete(applied);
    for (const waiting of this.waiting.keys()) if (waiting <= seq) this.waiting.delete(waiting);
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous++;
  }
}
