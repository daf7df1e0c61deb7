import { useId } from 'react';
import { Link } from '../../app/Link';
import { PageShell } from '../../app/PageShell';
import { CATALOG_PATH } from '../../app/router';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';

const TERMS: ReadonlyArray<[MessageKey, MessageKey]> = [
  ['welcome.term.ontwikkelpad', 'welcome.term.ontwikkelpadText'],
  ['welcome.term.leerarrangement', 'welcome.term.leerarrangementText'],
  ['welcome.term.rules', 'welcome.term.rulesText'],
];

/** The seeds' terms, each a disclosure: the landing page shows them, and the first-run steps. */
export function TermsHelp() {
  const t = useT();
  const headingId = useId();
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('welcome.termsHeading')}</h2>
      {TERMS.map(([question, answer]) => (
        <details key={question} className="term-help">
          <summary>{t(question)}</summary>
          <p>{t(answer)}</p>
        </details>
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
