import type { ReactNode } from 'react';

/**
 * A wide table's own horizontal scroll area, so the page never scrolls sideways on a phone: a
 * named, focusable region (the keyboard scrolls it with the arrow keys; axe requires it).
 */
export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" data-scroll-area role="region" tabIndex={0} aria-label={label}>
      {children}
    </div>
  );
}
