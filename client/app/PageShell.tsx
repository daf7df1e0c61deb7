import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { AppHeader } from './AppHeader';
import { Main } from './Main';

/** Sets `document.title` to "<title> — Werkplaats". */
export function usePageTitle(title: string): void {
  const t = useT();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
}

/** Header + `<main>` of an ordinary page; `narrow` for forms and notices, `wide` for side columns. */
export function PageShell({
  title,
  narrow = false,
  wide = false,
  children,
}: {
  /** For `document.title`. */
  title: string;
  narrow?: boolean;
  /** For pages with a side column or wide tables (a version, a comparison). */
  wide?: boolean;
  children: ReactNode;
}) {
  usePageTitle(title);
  return (
    <>
      <AppHeader />
      <Main className={narrow ? 'page page--narrow' : wide ? 'page page--wide' : 'page'}>{children}</Main>
    </>
  );
}
