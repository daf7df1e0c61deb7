import { useId } from 'react';
import { Link } from '../../app/Link';
import { CATALOG_PATH, LIBRARY_PATH, templateVersionPath } from '../../app/router';
import { useT } from '../../i18n/I18nProvider';
import { ExampleCard } from './ExampleCard';
import type { ExampleState } from './exampleApi';
import { TermsHelp } from './Landing';

/**
 * For an account without teams of its own: the first three steps (the second: a design of one's own
 * from the seeded example ontwikkelpad), the example to explore, and the terms met on the way.
 */
export function FirstSteps({
  example,
  onExampleDeleted,
}: {
  example: ExampleState;
  onExampleDeleted: () => void;
}) {
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
          <li data-testid="first-steps-own-design">
            {t('example.ownStep')}{' '}
            {example.template ? (
              <>
                <Link to={templateVersionPath(example.template.id)}>
                  {t('example.ownStepLink', { title: example.template.title })}
                </Link>{' '}
                ·{' '}
              </>
            ) : null}
            <Link to={LIBRARY_PATH}>{t('firstRun.library')}</Link>
          </li>
          <li>
            {t('firstRun.step3')} <Link to={CATALOG_PATH}>{t('firstRun.catalog')}</Link>
          </li>
        </ol>
      </section>
      <ExampleCard example={example.example} onDeleted={onExampleDeleted} />
      <TermsHelp />
    </>
  );
}
