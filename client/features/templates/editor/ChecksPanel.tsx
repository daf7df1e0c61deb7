import { useId } from 'react';
import type { PublishProblem } from '../../../../shared/domain/template/validate';
import { useT } from '../../../i18n/I18nProvider';
import { focusProblemField } from './focus';

/**
 * The live publish checks. For people who can edit, each problem is a button that takes focus to
 * the field concerned. The messages are the shared rules' own (Dutch) texts — the ones the server
 * answers with when publishing fails.
 */
export function ChecksPanel({
  problems,
  interactive,
  onBeforeFocus,
}: {
  problems: readonly PublishProblem[];
  interactive: boolean;
  /** Runs before focus moves (the publish dialog closes itself first). */
  onBeforeFocus?: () => void;
}) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="card side-card checks" aria-labelledby={headingId} data-testid="checks">
      <h2 id={headingId}>{t('checks.heading')}</h2>
      {problems.length === 0 ? (
        <p className="checks__ok" data-testid="checks-ok">
          {t('checks.ok')}
        </p>
      ) : (
        <>
          <p>
            {problems.length === 1 ? t('checks.countOne') : t('checks.count', { count: problems.length })}
          </p>
          <ProblemList problems={problems} interactive={interactive} onBeforeFocus={onBeforeFocus} />
        </>
      )}
    </section>
  );
}

/** The problems as a list; buttons that go to the field when `interactive`. */
export function ProblemList({
  problems,
  interactive,
  onBeforeFocus,
}: {
  problems: readonly PublishProblem[];
  interactive: boolean;
  onBeforeFocus?: (() => void) | undefined;
}) {
  const t = useT();
  return (
    <ul className="problem-list">
      {problems.map((problem, index) => (
        <li key={`${problem.path}-${index}`} data-testid="check-item" data-problem-path={problem.path}>
          {interactive ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onBeforeFocus?.();
                // After a dialog closed, its own focus restore runs first; go to the field after it.
                requestAnimationFrame(() => focusProblemField(problem.path));
              }}
            >
              {problem.message}
              <span className="visually-hidden"> ({t('checks.goTo')})</span>
            </button>
          ) : (
            problem.message
          )}
        </li>
      ))}
    </ul>
  );
}
