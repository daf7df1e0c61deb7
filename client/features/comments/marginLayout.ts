/** A card in the margin: where its anchor is (px from the margin's top) and how tall it is. */
export interface MarginCard {
  key: string;
  desired: number;
  height: number;
}

/**
 * Where the margin's cards go (px from the margin's top), as Google Docs places them: each beside
 * its anchor, in the anchors' order, pushed down when it would overlap the card above. The active
 * card sits exactly at its anchor; the cards above it move up to make room (never above the
 * margin's top: then the active card is pushed down after all).
 */
export function placeCards(cards: MarginCard[], activeKey: string | null, gap = 8): Map<string, number> {
  const sorted = cards
    .map((card, index) => ({ ...card, index }))
    .sort((a, b) => a.desired - b.desired || a.index - b.index);
  const tops = sorted.map((card) => Math.max(0, card.desired));
  const active = sorted.findIndex((card) => card.key === activeKey);
  const start = Math.max(active, 0);
  for (let i = start + 1; i < sorted.length; i++) {
    tops[i] = Math.max(tops[i]!, tops[i - 1]! + sorted[i - 1]!.height + gap);
  }
  for (let i = start - 1; i >= 0; i--) {
    tops[i] = Math.min(tops[i]!, tops[i + 1]! - gap - sorted[i]!.height);
  }
  if (tops.length > 0 && tops[0]! < 0) {
    tops[0] = 0;
    for (let i = 1; i < sorted.length; i++) {
      tops[i] = Math.max(tops[i]!, tops[i - 1]! + sorted[i - 1]!.height + gap);
    }
  }
  return new Map(sorted.map((card, i) => [card.key, tops[i]!]));
}
