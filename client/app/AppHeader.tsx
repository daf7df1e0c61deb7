import { useId, useRef, useState, type ReactNode } from 'react';
import { BookOpen, LibraryBig, Menu, Search, UserRound, Users } from 'lucide-react';
import { useCurrentUser } from '../features/auth/CurrentUserProvider';
import { LogoutButton } from '../features/auth/LogoutButton';
import { useT } from '../i18n/I18nProvider';
import { Link } from './Link';
import { CATALOG_PATH, LIBRARY_PATH, usePathname } from './router';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationsButton } from '../features/notifications/NotificationsButton';
import { HeaderSearch, SEARCH_PATH } from '../features/search/HeaderSearch';
import { useStickyTop } from '../features/outline/stickyTop';

const ICON = { size: 16, 'aria-hidden': true } as const;

/**
 * Skip link and the page header: brand, search, the user's menu, notifications and language in one
 * row (on a phone the menu folds behind a "Menu" button); scenes add their own row. `sticky` keeps
 * the whole header in view while the page scrolls (the document pages).
 */
export function AppHeader({ children, sticky = false }: { children?: ReactNode; sticky?: boolean }) {
  const t = useT();
  const { state } = useCurrentUser();
  const pathname = usePathname();
  const header = useRef<HTMLElement>(null);
  const menuId = useId();
  // The folded menu is open on the page it was opened on: a followed link closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;
  useStickyTop(header, sticky);
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
      <BookOpen {...ICON} />
      {t('catalog.nav')}
    </Link>
  );
  const signedIn = state.status === 'signedIn';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header ref={header} className={sticky ? 'app-header app-header--sticky' : 'app-header'}>
        {/* Escape folds the menu again and gives focus back to its button. */}
        <div
          className={menuOpen ? 'app-header__bar app-header__bar--open' : 'app-header__bar'}
          onKeyDown={(event) => {
            if (event.key !== 'Escape' || !menuOpen) return;
            setMenuOpenOn(null);
            document.getElementById(`${menuId}-toggle`)?.focus();
          }}
        >
          <Link to="/" className="app-header__brand" aria-label={t('app.homeLink')}>
            {t('app.name')}
          </Link>
          <div className="app-header__tools">
            {signedIn ? <HeaderSearch /> : null}
            {signedIn && pathname !== SEARCH_PATH ? (
              <Link to={SEARCH_PATH} className="app-header__icon-link" aria-label={t('appHeader.search')}>
                <Search size={20} aria-hidden="true" />
              </Link>
            ) : null}
            {signedIn ? <NotificationsButton /> : null}
            <button
              type="button"
              className="app-header__menu-toggle"
              aria-expanded={menuOpen}
              id={`${menuId}-toggle`}
              aria-controls={menuId}
              aria-label={t('appHeader.menu')}
              data-testid="menu-toggle"
              onClick={() => setMenuOpenOn(menuOpen ? null : pathname)}
            >
              <Menu size={20} aria-hidden="true" />
            </button>
            <div className="app-header__menu" id={menuId}>
              {state.status === 'signedIn' ? (
                <nav className="user-menu" aria-label={t('header.userMenu')}>
                  <span className="user-menu__name" data-testid="signed-in-name">
                    <span className="visually-hidden">{t('header.signedInAs')} </span>
                    {state.user.name}
                  </span>
                  <Link to="/" className="user-menu__link" aria-current={current('/')}>
                    <Users {...ICON} />
                    {t('header.myTeams')}
                  </Link>
                  <Link
                    to={LIBRARY_PATH}
                    className="user-menu__link"
                    aria-current={inLibrary}
                    data-testid="nav-library"
                  >
                    <LibraryBig {...ICON} />
                    {t('header.library')}
                  </Link>
                  {catalogLink}
                  <Link to="/account" className="user-menu__link" aria-current={current('/account')}>
                    <UserRound {...ICON} />
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
              <LanguageSwitch />
            </div>
          </div>
        </div>
        {children ? <div className="app-header__context">{children}</div> : null}
      </header>
    </>
  );
}
