import { describe, expect, it } from 'vitest';
import { diffText, editScript, sideOf, wordTokens } from '../../../../shared/domain/versions/textDiff';

/** A small deterministic PRNG (xorshift32), so a failure can be replayed. */
function prng(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Length of the longest common subsequence, by the textbook O(n·m) table. */
function lcs(a: ArrayLike<unknown>, b: ArrayLike<unknown>): number {
  let previous = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const row = new Int32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++)
      row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  return previous[b.length]!;
}

/** Applies an edit script: what it keeps and removes must be `a`, what it keeps and adds `b`. */
function replay(steps: readonly number[], a: Int32Array, b: Int32Array): { a: number[]; b: number[] } {
  const before: number[] = [];
  const after: number[] = [];
  let i = 0;
  let j = 0;
  for (const step of steps) {
    if (step === 0) {
      expect(a[i]).toBe(b[j]);
      before.push(a[i++]!);
      after.push(b[j++]!);
    } else if (step === 1) before.push(a[i++]!);
    else after.push(b[j++]!);
  }
  return { a: before, b: after };
}

const randomTokens = (random: () => number, length: number, alphabet: number, shift = 0) =>
  Int32Array.from({ length }, () => Math.floor(random() * alphabet) + shift);

describe('editScript (Myers after setting aside tokens the other side lacks)', () => {
  it('finds a shortest edit script on random inputs, with and without one-sided tokens', () => {
    const random = prng(20261122);
    for (let round = 0; round < 300; round++) {
      const alphabet = 2 + Math.floor(random() * 12);
      // Half the rounds give each side some tokens of its own (ids above the shared alphabet).
      const own = round % 2 === 0 ? 0 : 5;
      const a = randomTokens(random, Math.floor(random() * 60), alphabet + own);
      const b = Int32Array.from(randomTokens(random, Math.floor(random() * 60), alphabet + own), (t) =>
        t >= alphabet ? t + own : t,
      );
      const steps = editScript(a, b, 1_000, alphabet + 2 * own);
      expect(steps).not.toBeNull();
      expect(replay(steps!, a, b)).toEqual({ a: [...a], b: [...b] });
      const edits = steps!.filter((step) => step !== 0).length;
      expect(edits).toBe(a.length + b.length - 2 * lcs(a, b));
    }
  });

  it('gives up (null) beyond the edit limit, also when the lengths alone exceed it', () => {
    const a = Int32Array.from({ length: 10 }, (_, i) => i);
    const reversed = Int32Array.from({ length: 10 }, (_, i) => 9 - i);
    expect(editScript(a, reversed, 5, 10)).toBeNull();
    expect(editScript(a, reversed, 18, 10)?.filter((step) => step !== 0)).toHaveLength(18);
    const b = Int32Array.from({ length: 10 }, (_, i) => i + 10);
    // Set-aside tokens do not count against the limit: these share nothing, so no search is needed.
    expect(editScript(a, b, 0, 20)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    const long = Int32Array.from({ length: 50 }, (_, i) => i % 3);
    expect(editScript(long.subarray(0, 3), long, 10, 3)).toBeNull();
    expect(editScript(long.subarray(0, 3), long, 47, 3)?.filter((step) => step !== 0)).toHaveLength(47);
  });
});

const WORDS = ['de', 'het', 'leraar', 'school', 'leeruitkomst', 'bewijs', 'team', 'ontwerp', 'praktijk'];

function randomText(random: () => number, words: number): string {
  let text = '';
  for (let i = 0; i < words; i++) {
    text += WORDS[Math.floor(random() * WORDS.length)];
    const roll = random();
    text += roll < 0.08 ? '\n' : roll < 0.1 ? '  ' : ' ';
  }
  return text;
}

/** Edits a text the way people do: a few words replaced, inserted, removed; a paragraph moved. */
function edit(random: () => number, text: string): string {
  const tokens = wordTokens(text);
  for (let n = Math.floor(random() * 8); n > 0; n--) {
    const at = Math.floor(random() * (tokens.length + 1));
    const roll = random();
    if (roll < 0.3) tokens.splice(at, 1);
    else if (roll < 0.6) tokens.splice(at, 0, `nieuw${Math.floor(random() * 4)}`, ' ');
    else tokens[at] = 'vervangen';
  }
  const paragraphs = tokens.join('').split('\n');
  if (paragraphs.length > 2 && random() < 0.3) paragraphs.push(paragraphs.shift()!);
  return paragraphs.join('\n');
}

const changedTokens = (parts: ReturnType<typeof diffText>) =>
  parts.filter((part) => part.type !== 'equal').reduce((sum, part) => sum + wordTokens(part.text).length, 0);

describe('diffText on random edits', () => {
  it('is exact on both sides and word-minimal when within the limits', () => {
    const random = prng(7);
    for (let round = 0; round < 150; round++) {
      const before = randomText(random, Math.floor(random() * 200));
      const after = edit(random, before);
      const parts = diffText(before, after);
      expect(sideOf(parts, 'before')).toBe(before);
      expect(sideOf(parts, 'after')).toBe(after);
      for (const part of parts) expect(part.text).not.toBe('');
      const a = wordTokens(before);
      const b = wordTokens(after);
      expect(changedTokens(parts)).toBe(a.length + b.length - 2 * lcs(a, b));
    }
  });

  it('the paragraph pass (forced by tight limits) stays exact and changes no less than the word-level minimum', () => {
    const random = prng(99);
    for (let round = 0; round < 100; round++) {
      const before = randomText(random, 50 + Math.floor(random() * 300));
      const after = edit(random, edit(random, before));
      const full = diffText(before, after);
      const coarse = diffText(before, after, { maxWordTokens: 40, maxEditDistance: 6 });
      expect(sideOf(coarse, 'before')).toBe(before);
      expect(sideOf(coarse, 'after')).toBe(after);
      expect(changedTokens(coarse)).toBeGreaterThanOrEqual(changedTokens(full));
    }
  });
});
