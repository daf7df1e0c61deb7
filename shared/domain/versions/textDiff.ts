/** One run of a text diff: kept, added or removed text. */
export interface DiffPart {
  type: 'equal' | 'insert' | 'delete';
  text: string;
}

/** Limits that keep a diff fast on very large texts (the B4 documents of the benchmarks). */
export interface DiffLimits {
  /** Above this many differing word tokens, diff paragraphs first and words only inside them. */
  maxWordTokens: number;
  /** Most edit steps Myers may take before giving up on the finer level. */
  maxEditDistance: number;
}

const DEFAULT_LIMITS: DiffLimits = { maxWordTokens: 20_000, maxEditDistance: 1_500 };

type Op = { type: DiffPart['type']; from: number; to: number; side: 'a' | 'b' };

/**
 * Myers' O(ND) shortest edit script over integer tokens. Returns null when more than `maxD` edits
 * would be needed: the caller then diffs coarser units, so cost stays bounded by (n + m) · maxD
 * instead of growing quadratically with the text.
 */
function myers(a: Int32Array, b: Int32Array, maxD: number): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxD);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // Only the band -d-1..d+1 is read at step d, so each snapshot keeps just that band (O(D²) memory).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const band = trace[d]!;
    const at = (k: number) => band[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ type: 'equal', from: x - 1, to: x, side: 'a' });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ type: 'insert', from: prevY, to: prevY + 1, side: 'b' });
      else ops.push({ type: 'delete', from: prevX, to: prevX + 1, side: 'a' });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** Words and the whitespace between them as separate tokens, so spacing changes show too. */
export function wordTokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Paragraph tokens: each line with its line break. */
function lineTokens(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function push(parts: DiffPart[], type: DiffPart['type'], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.type === type) last.text += text;
  else parts.push({ type, text });
}

/** Interns tokens of both sides as integers so Myers compares numbers, not strings. */
function intern(a: string[], b: string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    return id;
  };
  return [Int32Array.from(a, idOf), Int32Array.from(b, idOf)];
}

/** Diffs two token lists; null when they differ in more than `maxD` steps. */
function diffTokens(a: string[], b: string[], maxD: number): DiffPart[] | null {
  // A common head and tail cost nothing to skip and are most of an edited document.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end++;
  const midA = a.slice(start, a.length - end);
  const midB = b.slice(start, b.length - end);
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  if (midA.length === 0 || midB.length === 0) {
    push(parts, 'delete', midA.join(''));
    push(parts, 'insert', midB.join(''));
  } else {
    const [ia, ib] = intern(midA, midB);
    const ops = myers(ia, ib, maxD);
    if (!ops) return null;
    for (const op of ops) {
      const source = op.side === 'a' ? midA : midB;
      push(parts, op.type, source.slice(op.from, op.to).join(''));
    }
  }
  push(parts, 'equal', a.slice(a.length - end).join(''));
  return parts;
}

/**
 * Word-level diff of two plain texts. Large or very different texts are diffed by paragraph
 * first; each changed stretch is then refined word by word when it is small enough, else shown
 * as removed and added whole. Never quadratic in the length of the text.
 */
export function diffText(before: string, after: string, limits: Partial<DiffLimits> = {}): DiffPart[] {
  const { maxWordTokens, maxEditDistance } = { ...DEFAULT_LIMITS, ...limits };
  if (before === after) return before ? [{ type: 'equal', text: before }] : [];
  const a = wordTokens(before);
  const b = wordTokens(after);
  if (a.length + b.length <= maxWordTokens) {
    const words = diffTokens(a, b, maxEditDistance);
    if (words) return words;
  }
  const lines = diffTokens(lineTokens(before), lineTokens(after), maxEditDistance) ?? [
    { type: 'delete', text: before },
    { type: 'insert', text: after },
  ];
  return refine(lines, maxWordTokens, maxEditDistance);
}

/** Replaces each delete+insert pair of paragraphs by a word diff when that is affordable. */
function refine(parts: DiffPart[], maxWordTokens: number, maxEditDistance: number): DiffPart[] {
  const out: DiffPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.type === 'delete' && next?.type === 'insert') {
      const a = wordTokens(part.text);
      const b = wordTokens(next.text);
      const words = a.length + b.length <= maxWordTokens ? diffTokens(a, b, maxEditDistance) : null;
      for (const word of words ?? [part, next]) push(out, word.type, word.text);
      i++;
    } else {
      push(out, part.type, part.text);
    }
  }
  return out;
}

/** The text on one side of a diff (`before`: equal + delete, `after`: equal + insert). */
export function sideOf(parts: readonly DiffPart[], side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'insert' : 'delete';
  return parts
    .filter((part) => part.type !== skip)
    .map((part) => part.text)
    .join('');
}
