import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 20 20"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** Toolbar icon: bulleted list. */
export function BulletListIcon() {
  return (
    <Icon>
      <circle cx="4" cy="5" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="4" cy="10" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="4" cy="15" r="1.2" fill="currentColor" stroke="none" />
      <path d="M8 5h9M8 10h9M8 15h9" />
    </Icon>
  );
}

/** Toolbar icon: numbered list. */
export function OrderedListIcon() {
  return (
    <Icon>
      <path d="M3 3.5h1.5v4M3 7.5h3" strokeWidth="1.4" />
      <path d="M3 12.5c0-1 .8-1.5 1.6-1.5s1.4.5 1.4 1.3c0 1.2-3 1.9-3 3.7h3" strokeWidth="1.4" />
      <path d="M9 5h8M9 10h8M9 15h8" />
    </Icon>
  );
}

/** Toolbar icon: undo. */
export function UndoIcon() {
  return (
    <Icon>
      <path d="M7 4 3.5 7.5 7 11" />
      <path d="M4 7.5h8a4.5 4.5 0 0 1 0 9H9" />
    </Icon>
  );
}

/** Toolbar icon: redo. */
export function RedoIcon() {
  return (
    <Icon>
      <path d="m13 4 3.5 3.5L13 11" />
      <path d="M16 7.5H8a4.5 4.5 0 0 0 0 9h3" />
    </Icon>
  );
}
