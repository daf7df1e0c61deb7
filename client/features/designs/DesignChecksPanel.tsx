import { useId } from 'react';
import type { RuleResult } from '../../../shared/domain/design/rules';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';

const ICONS: Record<RuleResult['status'], string> = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  info: 'i',
  pending: '…',
};

/** Message key of a rule status's text label (the colour is never the only signal). */
export function statusLabelKey(status: RuleResult['status']): MessageKey {
  return `design.status.${status}`;
}

/** The element a rule result is about: the item (`evidence-<id>`, `activity-<id>`, …) or the field. */
function targetElement(target: RuleResult['target']): HTMLElement | null {
  const candidates: string[] = [];
  if (target.itemId) {
    if (target.field === 'evidence') candidates.push(`evidence-${target.itemId}`);
    if (target.field === 'activities') candidates.push(`activity-${target.itemId}`);
    if (target.field === 'outcomes') candidates.push(`outcome-${target.itemId}`);
  }
  candidates.push(`field-${target.field}`);
  for (const id of candidates) {
    const element = document.getElementById(id);
    if (!element) continue;
    if (element.matches('input, select, textarea, button, [contenteditable="true"]')) return element;
    // A group (fieldset, list row): its first enabled control.
    const inner = element.querySelector<HTMLElement>(
      'input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)',
    );
    if (inner) return inner;
  }
  return null;
}

/** Moves focus to the field a rule result concerns; returns whether one was found. */
export function focusTarget(target: RuleResult['target']): boolean {
  const element = targetElement(target);
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return true;
}

/** One list of rule results (design or traject), each with its status in words. */
export function RuleList({
  results,
  interactive,
  testId,
}: {
  results: readonly RuleResult[];
  interactive: boolean;
  testId: string;
}) {
  const t = useT();
  return (
    <ul className="rule-list">
      {results.map((result, index) => {
        const label = (
          <>
            <span className={`rule-badge rule-badge--${result.status}`}>
              <span aria-hidden="true">{ICONS[result.status]}</span> {t(statusLabelKey(result.status))}
            </span>{' '}
            <span className="rule-list__id">
              {result.ruleId} ({t(result.kind === 'must' ? 'design.kindMust' : 'design.kindGuideline')})
            </span>
            : {result.message}
          </>
        );
        const canJump = interactive && result.ruleId !== 'R13';
        return (
          <li
            key={`${result.ruleId}-${index}`}
            className={`rule-list__item rule-list__item--${result.status}`}
            data-testid={testId}
            data-rule={result.ruleId}
            data-status={result.status}
          >
            {canJump ? (
              <button
                type="button"
                className="link-button rule-list__button"
                onClick={() => focusTarget(result.target)}
              >
                {label}
                <span className="visually-hidden"> ({t('design.goTo')})</span>
              </button>
            ) : (
              label
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The live checks of the design (R3–R13), recomputed as the doc changes; above them, while the
 * pinned ontwikkelpad version is a concept-versie, that it is not yet vastgesteld (001 l.70).
 */
export function DesignChecksPanel({
  results,
  interactive,
  templateEstablished = true,
}: {
  results: readonly RuleResult[];
  interactive: boolean;
  /** False while the pinned version is a concept-versie. */
  templateEstablished?: boolean;
}) {
  const t = useT();
  const headingId = useId();
  const must = results.filter((result) => result.kind === 'must' && result.status !== 'pending');
  const failing = must.filter((result) => result.status !== 'pass');
  return (
    <section className="card side-card checks" aria-labelledby={headingId} data-testid="checks">
      <h2 id={headingId}>{t('design.checks')}</h2>
      {templateEstablished ? null : (
        <p className="notice notice--warning" data-testid="template-concept">
          {t('frames.notEstablishedDesign')}
        </p>
      )}
      <p data-testid="checks-summary">
        {failing.length === 0
          ? t('design.checksAllMust')
          : t('design.checksSummary', { failing: failing.length, must: must.length })}
      </p>
      <RuleList results={results} interactive={interactive} testId="check-item" />
    </section>
  );
}
