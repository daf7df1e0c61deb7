import { useEffect, useRef, type ReactNode } from 'react';
import { isContentFocusPending } from './router';

/**
 * The page's `<main id="main">`: target of the skip link, and after an in-app navigation it takes
 * focus when it mounts — unless the user already put focus somewhere. Scenes swap their `<main>`
 * while loading, so each one checks again when it mounts.
 */
export function Main({ className, children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (isContentFocusPending() && (active === null || active === document.body)) {
      ref.current?.focus({ preventScroll: true });
    }
  }, []);
  return (
    <main id="main" ref={ref} tabIndex={-1} className={className}>
      {children}
    </main>
  );
}
