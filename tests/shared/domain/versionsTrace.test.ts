import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { diffSections } from '../../../shared/domain/versions/diff';
import type { DiffPart } from '../../../shared/domain/versions/textDiff';

/**
 * The section text diff on the B4 document: the real "automerge-paper" editing trace (259,778
 * single-character edits, 104,852 characters at the end) from ../shared/data/editing-traces/ or
 * the folder in EDITING_TRACES_DIR. Timing is the benchmarks' job; this checks that the diff
 * completes on a document of that size and history, and that it is exact.
 */

type Patch = [pos: number, delCount: number, insText: string];

interface Trace {
  startContent: string;
  endContent: string;
  txns: Array<{ patches: Patch[] }>;
}

const TRACE_FILE = 'automerge-paper.json.gz';

function traceDir(): string {
  return (
    process.env.EDITING_TRACES_DIR ?? resolve(import.meta.dirname, '../../../../shared/data/editing-traces')
  );
}

/** A deterministic pseudo-random trace of typing, deleting and pasting, for when the data is absent. */
function syntheticTrace(edits = 60_000): Trace {
  let seed = 0x9e3779b9;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const words = ['leraar', 'leeruitkomst', 'bewijs', 'feedback', 'ontwerp', 'praktijk', 'school', 'team'];
  const txns: Trace['txns'] = [];
  let length = 0;
  let cursor = 0;
  for (let i = 0; i < edits; i++) {
    if (random() < 0.02) cursor = Math.floor(random() * (length + 1));
    const roll = random();
    let patch: Patch;
    if (roll < 0.25 && cursor > 0) {
      patch = [cursor - 1, 1, ''];
      cursor--;
    } else if (roll < 0.27) {
      const text = `${words[Math.floor(random() * words.length)]!}\n`;
      patch = [cursor, 0, text];
      cursor += text.length;
    } else {
      const char = random() < 0.15 ? ' ' : String.fromCharCode(97 + Math.floor(random() * 26));
      patch = [cursor, 0, char];
      cursor++;
    }
    length += patch[2].length - patch[1];
    txns.push({ patches: [patch] });
  }
  return { startContent: '', endContent: '', txns };
}

function loadTrace(): { trace: Trace; real: boolean } {
  const file = resolve(traceDir(), TRACE_FILE);
  if (!existsSync(file)) {
    console.warn(`${file} ontbreekt: de diff wordt op een synthetische editing trace getest.`);
    return { trace: syntheticTrace(), real: false };
  }
  return { trace: JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Trace, real: true };
}

/**
 * Replays patches into a gap buffer of UTF-16 code units (the traces stay inside the BMP, so
 * positions are string offsets). Typing is local, so moving the gap is cheap, unlike rebuilding a
 * 100k-character string for each of 260k edits.
 */
class GapBuffer {
  private buffer: Uint16Array;
  private gapStart = 0;
  private gapEnd: number;

  constructor(initial = '') {
    this.buffer = new Uint16Array(Math.max(1024, initial.length * 2));
    this.gapEnd = this.buffer.length;
    this.insert(0, initial);
  }

  get length(): number {
    return this.buffer.length - (this.gapEnd - this.gapStart);
  }

  private moveGap(pos: number): void {
    if (pos < this.gapStart) {
      const count = this.gapStart - pos;
      this.buffer.copyWithin(this.gapEnd - count, pos, this.gapStart);
      this.gapStart -= count;
      this.gapEnd -= count;
    } else if (pos > this.gapStart) {
      const count = pos - this.gapStart;
      this.buffer.copyWithin(this.gapStart, this.gapEnd, this.gapEnd + count);
      this.gapStart += count;
      this.gapEnd += count;
    }
  }

  private reserve(count: number): void {
    if (this.gapEnd - this.gapStart >= count) return;
    const tail = this.buffer.length - this.gapEnd;
    const grown = new Uint16Array(Math.max(this.buffer.length * 2, this.length + count + 1024));
    grown.set(this.buffer.subarray(0, this.gapStart));
    grown.set(this.buffer.subarray(this.gapEnd), grown.length - tail);
    this.gapEnd = grown.length - tail;
    this.buffer = grown;
  }

  delete(pos: number, count: number): void {
    if (count === 0) return;
    if (pos < 0 || pos + count > this.length)
      throw new Error(`delete ${pos}+${count} outside ${this.length}`);
    this.moveGap(pos);
    this.gapEnd += count;
  }

  insert(pos: number, text: string): void {
    if (!text) return;
    if (pos < 0 || pos > this.length) throw new Error(`insert at ${pos} outside ${this.length}`);
    this.moveGap(pos);
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.buffer[this.gapStart++] = text.charCodeAt(i);
  }

  toString(): string {
    const decoder = new TextDecoder('utf-16le');
    return (
      decoder.decode(this.buffer.subarray(0, this.gapStart)) +
      decoder.decode(this.buffer.subarray(this.gapEnd))
    );
  }
}

/** The text after half of the edits and after all of them. */
function replay(trace: Trace): { half: string; full: string } {
  const total = trace.txns.reduce((sum, txn) => sum + txn.patches.length, 0);
  const buffer = new GapBuffer(trace.startContent);
  let applied = 0;
  let half: string | null = null;
  for (const txn of trace.txns) {
    for (const [pos, delCount, insText] of txn.patches) {
      buffer.delete(pos, delCount);
      buffer.insert(pos, insText);
      applied++;
      if (applied === Math.floor(total / 2)) half = buffer.toString();
    }
  }
  return { half: half ?? trace.startContent, full: buffer.toString() };
}

const join = (parts: readonly DiffPart[], skip: DiffPart['type']) =>
  parts
    .filter((part) => part.type !== skip)
    .map((part) => part.text)
    .join('');

describe('section text diff on the B4 editing trace', () => {
  it('diffs the document at 50% and 100% of the trace exactly', () => {
    const { trace, real } = loadTrace();
    const { half, full } = replay(trace);
    if (real) {
      expect(full).toBe(trace.endContent);
      expect(full.length).toBe(104_852);
    }
    expect(half.length).toBeGreaterThan(1_000);
    expect(half).not.toBe(full);

    const [section, ...rest] = diffSections(
      [{ id: 's-paper', heading: 'Paper', text: half }],
      [{ id: 's-paper', heading: 'Paper', text: full }],
    );
    expect(rest).toEqual([]);
    expect(section).toMatchObject({ id: 's-paper', status: 'changed' });
    const parts = section!.parts;
    expect(parts.some((part) => part.type === 'insert')).toBe(true);
    expect(parts.some((part) => part.type === 'equal')).toBe(true);
    for (const part of parts) expect(part.text).not.toBe('');
    // Equal + delete is the old text, equal + insert the new one.
    expect(join(parts, 'insert')).toBe(half);
    expect(join(parts, 'delete')).toBe(full);
  });
});
