import { describe, expect, test } from 'vitest';
import { placeCards, type MarginCard } from '../../../../client/features/comments/marginLayout';

const card = (key: string, desired: number, height = 100): MarginCard => ({ key, desired, height });
const tops = (cards: MarginCard[], active: string | null = null) =>
  Object.fromEntries(placeCards(cards, active, 10));

describe('placeCards', () => {
  test.each([
    {
      name: 'apart: each at its anchor',
      cards: [card('a', 0), card('b', 300)],
      active: null,
      want: { a: 0, b: 300 },
    },
    {
      name: 'overlapping: the lower one is pushed down',
      cards: [card('a', 0), card('b', 50)],
      active: null,
      want: { a: 0, b: 110 },
    },
    {
      name: 'in the anchors’ order, whatever the input order',
      cards: [card('b', 50), card('a', 0)],
      active: null,
      want: { a: 0, b: 110 },
    },
    {
      name: 'a chain pushes on',
      cards: [card('a', 0), card('b', 20), card('c', 40)],
      active: null,
      want: { a: 0, b: 110, c: 220 },
    },
    {
      name: 'the active card sits at its anchor, the one above moves up',
      cards: [card('a', 200), card('b', 250)],
      active: 'b',
      want: { a: 140, b: 250 },
    },
    {
      name: 'never above the top: the active card gives way',
      cards: [card('a', 0), card('b', 50)],
      active: 'b',
      want: { a: 0, b: 110 },
    },
    {
      name: 'below the active card: pushed down as usual',
      cards: [card('a', 100), card('b', 120), card('c', 130)],
      active: 'b',
      want: { a: 10, b: 120, c: 230 },
    },
    {
      name: 'an anchor above the margin: clamped to its top',
      cards: [card('a', -40)],
      active: null,
      want: { a: 0 },
    },
    {
      name: 'an unknown active key: as if none',
      cards: [card('a', 0), card('b', 50)],
      active: 'x',
      want: { a: 0, b: 110 },
    },
  ])('$name', ({ cards, active, want }) => {
    expect(tops(cards, active)).toEqual(want);
  });

  test('no two cards overlap, for any order of anchors', () => {
    const cards = Array.from({ length: 30 }, (_, i) => card(`c${i}`, (i * 7919) % 600, 40 + (i % 5) * 20));
    for (const active of [null, 'c0', 'c13', 'c29']) {
      const placed = placeCards(cards, active, 8);
      const boxes = cards
        .map((c) => ({ top: placed.get(c.key)!, bottom: placed.get(c.key)! + c.height }))
        .sort((x, y) => x.top - y.top);
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom + 8);
      expect(boxes[0]!.top).toBeGreaterThanOrEqual(0);
    }
  });
});
