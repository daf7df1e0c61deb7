import { useId } from 'react';
import * as Y from 'yjs';
import { INTERNAL_REVIEW_QUESTIONS } from '../../../shared/domain/design/internalReview';
import { DESIGN_KEYS, internalReviewText } from '../../../shared/editor/designDoc';
import { YTextField } from '../../editor/YTextField';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import type { FieldProps } from './designFields';

/**
 * "Interne toetsing": the team's answers to the questions of the interne toetsing, in the document
 * like every other field (editable while the design is, read-only when it is frozen).
 */
export function InternalReviewFields({ doc, editable }: FieldProps) {
  const t = useT();
  const headingId = useId();
  const hintId = useId();
  const answers = doc.getMap<unknown>(DESIGN_KEYS.interneToetsing);
  return (
    <section
      className="draft-section"
      aria-labelledby={headingId}
      id="field-interneToetsing"
      data-testid="internal-review"
    >
      <h2 id={headingId}>{t('quality.internalReview.heading')}</h2>
      <p id={hintId} className="field__hint">
        {t('quality.internalReview.hint')}
      </p>
      {INTERNAL_REVIEW_QUESTIONS.map((question, index) => {
        const fieldId = `internal-review-${question.id}`;
        const text = answers.get(question.id);
        return (
          <div className="field" key={question.id} data-testid="internal-review-question">
            <label htmlFor={fieldId}>
              {index + 1}. {t(`quality.internalReview.q.${question.id}` as MessageKey)}
            </label>
            {text instanceof Y.Text ? (
              <YTextField
                multiline
                id={fieldId}
                text={text}
                rows={3}
                disabled={!editable}
                aria-describedby={hintId}
              />
            ) : (
              // A design written before this form: the first keystroke creates the answer's text.
              <textarea
                id={fieldId}
                rows={3}
                disabled={!editable}
                aria-describedby={hintId}
                value=""
                onChange={(event) => {
                  const value = event.target.value;
                  doc.transact(() => internalReviewText(doc, question.id).insert(0, value));
                  requestAnimationFrame(() => {
                    const element = document.getElementById(fieldId) as HTMLTextAreaElement | null;
                    element?.focus();
                    element?.setSelectionRange(value.length, value.length);
                  });
                }}
              />
            )}
          </div>
        );
      })}
    </section>
  );
}
