import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { Link } from '../routing/Link';
import { LanguageSwitch } from './LanguageSwitch';
import { NameField } from './NameField';

/** Skip link and the page header: brand, display name, language; scenes add their own row. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <Link to="/" className="app-header__brand" aria-label={t('app.homeLink')}>
            {t('app.name')}
          </Link>
          <div className="app-header__tools">
            <NameField />
            <LanguageSwitch />
          </div>
        </div>
        {children ? <div className="app-header__context">{children}</div> : null}
      </header>
    </>
  );
}
