import { useId, type ReactNode } from 'react';
import { allOutcomes, type TemplateContent } from '../../../shared/domain/template/types';
import { outcomeLabel, type EarlierOutcome } from '../../../shared/domain/template/upgrade';
import { ItemCommentButton } from '../comments/ItemCommentButton';
import { useT } from '../../i18n/I18nProvider';
import { setTargeted } from './designActions';
import type { FieldProps } from './designFields';

/**
 * "Leeruitkomsten": the template's outcomes by theme to target, and targeted outcomes the template
 * no longer has; a targeted outcome can be commented on.
 */
export function OutcomesField({
  doc,
  design,
  template,
  earlier,
  editable,
}: FieldProps & { template: TemplateContent; earlier: Record<string, EarlierOutcome> }) {
  const t = useT();
  const headingId = useId();
  const hintId = useId();
  const targeted = new Set(design.targetedOutcomeIds);
  const known = new Set(allOutcomes(template).map((outcome) => outcome.id));
  const removed = design.targetedOutcomeIds.filter((id) => !known.has(id));
  const box = (id: string, label: ReactNode, extra?: ReactNode, commentLabel?: string) => (
    <li key={id} data-testid="design-outcome" data-outcome-id={id}>
      <label className="checkbox-option">
        <input
          type="checkbox"
          id={`outcome-${id}`}
          checked={targeted.has(id)}
          disabled={!editable}
          onChange={(event) => setTargeted(doc, id, event.target.checked)}
        />{' '}
        {label}
        {extra}
      </label>
      {/* Comments on the outcomes this design targets. */}
      {targeted.has(id) ? (
        <ItemCommentButton anchor={{ itemKind: 'outcome', itemId: id, label: commentLabel ?? id }} />
      ) : null}
    </li>
  );
  return (
    <section className="draft-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('design.outcomes')}</h2>
      <div id="field-outcomes" className="outcome-picker">
        <p id={hintId} className="field__hint">
          {t('design.outcomesHint')}
        </p>
        {template.themes.map((theme) => (
          <fieldset key={theme.id} className="outcome-picker__theme" aria-describedby={hintId}>
            <legend>{theme.title}</legend>
            <ul className="plain-list">
              {theme.outcomes.map((outcome) =>
                box(
                  outcome.id,
                  <>
                    <strong>{outcome.code}</strong> {outcome.title}
                  </>,
                  undefined,
                  `${outcome.code} ${outcome.title}`,
                ),
              )}
            </ul>
          </fieldset>
        ))}
        {removed.length > 0 ? (
          <fieldset className="outcome-picker__theme outcome-picker__removed">
            <legend>{t('design.outcomesRemoved')}</legend>
            <ul className="plain-list">
              {removed.map((id) => {
                // Named as the version it came from named it; an id only if no version knows it.
                const outcome = earlier[id];
                return box(
                  id,
                  outcome ? (
                    <>
                      <strong>{outcome.code}</strong> {outcome.title}
                    </>
                  ) : (
                    id
                  ),
                  <span className="badge badge--warn"> {t('design.outcomeRemovedBadge')}</span>,
                  outcome ? outcomeLabel(outcome) : id,
                );
              })}
            </ul>
          </fieldset>
        ) : null}
      </div>
    </section>
  );
}
