import { useId } from 'react';
import type { RuleResult } from '../../../shared/domain/design/rules';
import { useT } from '../../i18n/I18nProvider';
import { TermHelp } from '../../ui/TermHelp';
import { RuleRow } from './RuleRow';

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

/** One list of rule results (design or traject): a compact row each, details on demand. */
export function RuleList({
  results,
  interactive,
  testId,
}: {
  results: readonly RuleResult[];
  interactive: boolean;
  testId: string;
}) {
  return (
    <ul className="rule-list">
      {results.map((result, index) => (
        <RuleRow
          key={`${result.ruleId}-${index}`}
          result={result}
          testId={testId}
          // R13 is about feedback rounds, not a field of the form.
          onJump={interactive && result.ruleId !== 'R13' ? () => focusTarget(result.target) : undefined}
        />
      ))}
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
  const passed = results.filter((result) => result.status === 'pass').length;
  return (
    <section className="card side-card checks" aria-labelledby={headingId} data-testid="checks">
      <h2 id={headingId}>{t('design.checks')}</h2>
      <TermHelp term="rules" />
      {templateEstablished ? null : (
        <p className="notice notice--warning" data-testid="template-concept">
          {t('frames.notEstablishedDesign')}
        </p>
      )}
      <p className="checks__summary" data-testid="checks-summary">
        <span className="checks__count" data-testid="checks-count">
          {t('rules.summary', { passed, total: results.length })}
        </span>
        <span>
          {failing.length === 0
            ? t('design.checksAllMust')
            : t('design.checksSummary', { failing: failing.length, must: must.length })}
        </span>
      </p>
      <RuleList results={results} interactive={interactive} testId="check-item" />
    </section>
  );
}
