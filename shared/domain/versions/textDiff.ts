/** One run of a text diff: kept, added or removed text. */
export interface DiffPart {
  type: 'equal' | 'insert' | 'delete';
  text: string;
}

/** Limits that keep a diff fast on very large texts (the B4 documents of the benchmarks). */
export interface DiffLimits {
  /** Above this many differing word tokens, diff paragraphs first and words only inside them. */
  maxWordTokens: number;
  /**
   * Most edit steps Myers may take before giving up on the finer level (counted among the tokens
   * both sides have: one-sided tokens are set aside first and cost no search).
   */
  maxEditDistance: number;
}

const DEFAULT_LIMITS: DiffLimits = { maxWordTokens: 20_000, maxEditDistance: 1_500 };

/** Steps of an edit script: keep a token of both sides, remove one of `a`, add one of `b`. */
const EQUAL = 0;
const DELETE = 1;
const INSERT = 2;
type Step = typeof EQUAL | typeof DELETE | typeof INSERT;

/**
 * Myers' O(ND) shortest edit script over integer tokens. Returns null when more than `maxD` edits
 * would be needed: the caller then diffs coarser units, so cost stays bounded by (n + m) · maxD
 * instead of growing quadratically with the text.
 */
function myers(a: Int32Array, b: Int32Array, maxD: number): Step[] | null {
  const n = a.length;
  const m = b.length;
  // At least |n - m| tokens are added or removed: no need to search to find that out.
  if (Math.abs(n - m) > maxD) return null;
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

function backtrack(trace: Int32Array[], n: number, m: number): Step[] {
  const steps: Step[] = [];
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
      steps.push(EQUAL);
      x--;
      y--;
    }
    if (d > 0) steps.push(x === prevX ? INSERT : DELETE);
    x = prevX;
    y = prevY;
  }
  return steps.reverse();
}

/**
 * The same shortest edit script as {@link myers}, faster: a token that never occurs on the other
 * side cannot be kept, so it is set aside (as removed or added) before the search, which then runs
 * over far fewer tokens and edits (GNU diff's "discard" step). The longest common subsequence, and
 * so the number of edits, is unchanged. `maxD` bounds the edits among the remaining tokens.
 */
export function editScript(a: Int32Array, b: Int32Array, maxD: number, tokenCount: number): Step[] | null {
  const inA = new Uint8Array(tokenCount);
  const inB = new Uint8Array(tokenCount);
  for (let i = 0; i < a.length; i++) inA[a[i]!] = 1;
  for (let j = 0; j < b.length; j++) inB[b[j]!] = 1;
  const keptA = keptIndices(a, inB);
  const keptB = keptIndices(b, inA);
  if (keptA.length === a.length && keptB.length === b.length) return myers(a, b, maxD);
  const filtered =
    keptA.length === 0 || keptB.length === 0
      ? []
      : myers(
          Int32Array.from(keptA, (i) => a[i]!),
          Int32Array.from(keptB, (j) => b[j]!),
          maxD,
        );
  if (!filtered) return null;
  // Back to the full sequences: set-aside tokens go just before the next kept one of their side.
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  let fi = 0;
  let fj = 0;
  for (const step of filtered) {
    if (step !== INSERT) {
      const to = keptA[fi++]!;
      for (; i < to; i++) steps.push(DELETE);
    }
    if (step !== DELETE) {
      const to = keptB[fj++]!;
      for (; j < to; j++) steps.push(INSERT);
    }
    steps.push(step);
    if (step !== INSERT) i++;
    if (step !== DELETE) j++;
  }
  for (; i < a.length; i++) steps.push(DELETE);
  for (; j < b.length; j++) steps.push(INSERT);
  return steps;
}

function keptIndices(tokens: Int32Array, other: Uint8Array): Int32Array {
  const kept = new Int32Array(tokens.length);
  let count = 0;
  for (let i = 0; i < tokens.length; i++) if (other[tokens[i]!]) kept[count++] = i;
  return kept.subarray(0, count);
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
function intern(a: string[], b: string[]): [Int32Array, Int32Array, number] {
  const ids = new Map<string, number>();
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    return id;
  };
  return [Int32Array.from(a, idOf), Int32Array.from(b, idOf), ids.size];
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
    const [ia, ib, count] = intern(midA, midB);
    const steps = editScript(ia, ib, maxD, count);
    if (!steps) return null;
    let i = 0;
    let j = 0;
    // Consecutive steps of one kind become one part.
    for (let s = 0; s < steps.length;) {
      const step = steps[s]!;
      let run = 0;
      while (s < steps.length && steps[s] === step) {
        run++;
        s++;
      }
      if (step === INSERT) {
        push(parts, 'insert', midB.slice(j, j + run).join(''));
        j += run;
      } else {
        push(parts, step === EQUAL ? 'equal' : 'delete', midA.slice(i, i + run).join(''));
        i += run;
        if (step === EQUAL) j += run;
      }
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
