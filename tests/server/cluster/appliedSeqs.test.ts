import { describe, expect, it } from 'vitest';
import { AppliedSeqs } from '../../../server/collab/appliedSeqs';

const bytes = (seq: number) => new Uint8Array([seq]);
const seqsOf = (rows: Array<{ seq: number }>) => rows.map((row) => row.seq);

describe('AppliedSeqs: which log rows a room contains', () => {
  it("applies another instance's rows only in seq order, releasing waiting ones when the gap fills", () => {
    const seqs = new AppliedSeqs(10);
    expect(seqsOf(seqs.offer([{ seq: 12, update: bytes(12) }]))).toEqual([]);
    expect(seqs.missing).toBe(true);
    expect(seqs.waitingCount).toBe(1);
    expect(seqsOf(seqs.offer([{ seq: 11, update: bytes(11) }]))).toEqual([11, 12]);
    expect(seqs.contiguous).toBe(12);
    expect(seqs.missing).toBe(false);
  });

  it('counts its own commits at once, and compaction covers only the rows before the first gap', () => {
    const seqs = new AppliedSeqs(10);
    // Another instance committed 11 and 12 before our batch got 13 and 14.
    seqs.applied(13);
    seqs.applied(14);
    expect(seqs.has(13)).toBe(true);
    expect(seqs.contiguous).toBe(10);
    expect(seqs.missing).toBe(true);
    expect(
      seqsOf(
        seqs.offer([
          { seq: 11, update: bytes(11) },
          { seq: 12, update: bytes(12) },
        ]),
      ),
    ).toEqual([11, 12]);
    expect(seqs.contiguous).toBe(14);
  });

  it('drops duplicates, and notes rows announced without their bytes as missing', () => {
    const seqs = new AppliedSeqs(10);
    expect(
      seqsOf(
        seqs.offer([
          { seq: 10, update: bytes(10) },
          { seq: 9, update: bytes(9) },
        ]),
      ),
    ).toEqual([]);
    expect(seqs.missing).toBe(false);
    expect(seqsOf(seqs.offer([{ seq: 11 }]))).toEqual([]);
    expect(seqs.missing).toBe(true);
    expect(seqs.waitingCount).toBe(0);
  });

  it('a state covering rows moves past them, waiting and applied rows included', () => {
    const seqs = new AppliedSeqs(3);
    seqs.offer([{ seq: 6, update: bytes(6) }]);
    seqs.applied(8);
    seqs.covered(6);
    expect(seqs.contiguous).toBe(6);
    expect(seqs.waitingCount).toBe(0);
    seqs.applied(7);
    expect(seqs.contiguous).toBe(8);
    expect(seqs.missing).toBe(false);
  });
});
