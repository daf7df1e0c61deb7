import { useId } from 'react';
import { Link } from '../../app/Link';
import { PageShell } from '../../app/PageShell';
import { CATALOG_PATH } from '../../app/router';
import { useT } from '../../i18n/I18nProvider';
import { TermHelp, type Term } from '../../ui/TermHelp';

const TERMS: readonly Term[] = ['ontwikkelpad', 'leerarrangement', 'rules'];

/** The seeds' terms, each a disclosure: the landing page shows them, and the first-run steps. */
export function TermsHelp() {
  const t = useT();
  const headingId = useId();
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('welcome.termsHeading')}</h2>
      {TERMS.map((term) => (
        <TermHelp key={term} term={term} inline={false} />
      ))}
    </section>
  );
}

/** `/` for a visitor who is not signed in: what Werkplaats is and for whom, in three lines. */
export function Landing() {
  const t = useT();
  return (
    <PageShell title={t('welcome.pageTitle')}>
      <div className="landing" data-testid="landing">
        <h1>{t('welcome.heading')}</h1>
        <p className="lead">{t('welcome.line1')}</p>
        <p>{t('welcome.line2')}</p>
        <p>{t('welcome.line3')}</p>
        <p className="landing__actions">
          <Link to="/aanmelden" className="button button--primary">
            {t('welcome.signup')}
          </Link>
          <Link to="/inloggen" className="button">
            {t('welcome.login')}
          </Link>
          <Link to={CATALOG_PATH}>{t('welcome.catalog')}</Link>
        </p>
      </div>
      <TermsHelp />
    </PageShell>
  );
}
