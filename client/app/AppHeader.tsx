import type { ReactNode } from 'react';
import { useCurrentUser } from '../features/auth/CurrentUserProvider';
import { LogoutButton } from '../features/auth/LogoutButton';
import { useT } from '../i18n/I18nProvider';
import { Link } from './Link';
import { CATALOG_PATH, LIBRARY_PATH, usePathname } from './router';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationsButton } from '../features/notifications/NotificationsButton';
import { HeaderSearch } from '../features/search/HeaderSearch';

/** Skip link and the page header: brand, who is signed in, language; scenes add their own row. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const t = useT();
  const { state } = useCurrentUser();
  const pathname = usePathname();
  const current = (path: string) => (pathname === path ? ('page' as const) : undefined);
  // Within the library (a version, a comparison) the link is the current section, not the page.
  const inLibrary =
    pathname === LIBRARY_PATH
      ? ('page' as const)
      : pathname.startsWith(`${LIBRARY_PATH}/`)
        ? ('true' as const)
        : undefined;
  const inCatalog =
    pathname === CATALOG_PATH
      ? ('page' as const)
      : pathname.startsWith(`${CATALOG_PATH}/`)
        ? ('true' as const)
        : undefined;
  const catalogLink = (
    <Link to={CATALOG_PATH} className="user-menu__link" aria-current={inCatalog} data-testid="nav-catalog">
      {t('catalog.nav')}
    </Link>
  );
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
            {state.status === 'signedIn' ? <HeaderSearch /> : null}
            {state.status === 'signedIn' ? (
              <nav className="user-menu" aria-label={t('header.userMenu')}>
                <span className="user-menu__name" data-testid="signed-in-name">
                  <span className="visually-hidden">{t('header.signedInAs')} </span>
                  {state.user.name}
                </span>
                <Link to="/" className="user-menu__link" aria-current={current('/')}>
                  {t('header.myTeams')}
                </Link>
                <Link
                  to={LIBRARY_PATH}
                  className="user-menu__link"
                  aria-current={inLibrary}
                  data-testid="nav-library"
                >
                  {t('header.library')}
                </Link>
                {catalogLink}
                <Link to="/account" className="user-menu__link" aria-current={current('/account')}>
                  {t('header.account')}
                </Link>
                <LogoutButton />
              </nav>
            ) : null}
            {state.status === 'signedOut' ? (
              <nav className="user-menu" aria-label={t('header.userMenu')}>
                {catalogLink}
                <Link to="/inloggen" className="user-menu__link" aria-current={current('/inloggen')}>
                  {t('header.login')}
                </Link>
                <Link to="/aanmelden" className="user-menu__link" aria-current={current('/aanmelden')}>
                  {t('header.signup')}
                </Link>
              </nav>
            ) : null}
            {state.status === 'signedIn' ? <NotificationsButton /> : null}
            <LanguageSwitch />
          </div>
        </div>
        {children ? <div className="app-header__context">{children}</div> : null}
      </header>
    </>
  );
}
