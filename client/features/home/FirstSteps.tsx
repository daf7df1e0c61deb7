import { useId } from 'react';
import { Link } from '../../app/Link';
import { CATALOG_PATH, LIBRARY_PATH } from '../../app/router';
import { useT } from '../../i18n/I18nProvider';
import { TermsHelp } from './Landing';

/** For an account without teams: the first three steps, and the terms they meet on the way. */
export function FirstSteps() {
  const t = useT();
  const headingId = useId();
  return (
    <>
      <section
        className="page-section card first-steps"
        aria-labelledby={headingId}
        data-testid="first-steps"
      >
        <h2 id={headingId}>{t('firstRun.heading')}</h2>
        <ol>
          <li>{t('firstRun.step1')}</li>
          <li>
            {t('firstRun.step2')} <Link to={LIBRARY_PATH}>{t('firstRun.library')}</Link>
          </li>
          <li>
            {t('firstRun.step3')} <Link to={CATALOG_PATH}>{t('firstRun.catalog')}</Link>
          </li>
        </ol>
      </section>
      <TermsHelp />
    </>
  );
}
