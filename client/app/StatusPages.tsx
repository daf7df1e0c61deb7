import type { ReactNode } from 'react';
import { PageShell } from './PageShell';

/** A page that is still loading: its title and one muted line. */
export function LoadingPage({
  title,
  text = title,
  testId,
  narrow = false,
}: {
  title: string;
  /** The visible line; the title by default. */
  text?: string;
  testId?: string;
  narrow?: boolean;
}) {
  return (
    <PageShell title={title} narrow={narrow}>
      <p className="muted" data-testid={testId}>
        {text}
      </p>
    </PageShell>
  );
}

/** A page that cannot be shown: a notice with a heading and what went wrong (`children`). */
export function UnavailablePage({
  title,
  heading = title,
  testId,
  children,
}: {
  title: string;
  /** The notice's `<h1>`; the title by default. */
  heading?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <PageShell title={title} narrow>
      <div className="notice" data-testid={testId}>
        <h1>{heading}</h1>
        {children}
      </div>
    </PageShell>
  );
}
