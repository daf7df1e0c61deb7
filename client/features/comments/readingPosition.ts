/** The first point from the viewport's top (below any sticky header) that lies inside `root`. */
function topPointIn(root: Element): { x: number; y: number } | null {
  const box = root.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
  for (let y = Math.max(box.top, 0) + 4; y < Math.min(box.bottom, window.innerHeight); y += 12) {
    const hit = document.elementFromPoint(x, y);
    if (hit && root.contains(hit)) return { x, y };
  }
  return null;
}

/** A collapsed range at the text under the point, or the element there. */
function markAt(root: Element, point: { x: number; y: number }): Range | Element | null {
  const caret = document.caretPositionFromPoint?.(point.x, point.y);
  if (caret && root.contains(caret.offsetNode)) {
    const range = document.createRange();
    range.setStart(caret.offsetNode, caret.offset);
    return range;
  }
  return document.elementFromPoint(point.x, point.y);
}

const topOf = (mark: Range | Element) => mark.getBoundingClientRect().top;

/**
 * Remembers where the text at the top of the viewport is (the line under the header); the answer
 * scrolls that line back to the same height once the layout changed (a column opened beside the
 * text and the text reflowed). The browser's own scroll anchoring gives up here: it is suppressed
 * when an ancestor's width changes.
 */
export function captureReadingPosition(root: Element | null): () => void {
  if (!root) return () => undefined;
  const point = topPointIn(root);
  const mark = point ? markAt(root, point) : null;
  if (!mark) return () => undefined;
  const before = topOf(mark);
  return () => {
    const connected = mark instanceof Range ? mark.startContainer.isConnected : mark.isConnected;
    if (!connected) return;
    const shift = topOf(mark) - before;
    if (Math.abs(shift) >= 1) window.scrollBy(0, shift);
  };
}
