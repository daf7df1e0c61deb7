import { useId, type ReactNode } from 'react';
import * as Y from 'yjs';
import { allOutcomes, type TemplateContent } from '../../../shared/domain/template/types';
import type { EarlierOutcome } from '../../../shared/domain/template/upgrade';
import { DESIGN_KEYS } from '../../../shared/editor/designDoc';
import { ItemCommentButton } from '../comments/ItemCommentButton';
import { YTextField } from '../../editor/YTextField';
import { useT } from '../../i18n/I18nProvider';
import type { FieldProps } from './designFields';
import { FieldHint } from './TextSections';

/** "Bewijzen per leeruitkomst": a text per targeted outcome, each with its comment button. */
export function EvidenceFields({
  doc,
  design,
  template,
  earlierOutcomes,
  editable,
  guidance,
  earlier,
}: FieldProps & {
  template: TemplateContent;
  /** Outcomes of other versions of the ontwikkelpad, by id, for evidence of a removed one. */
  earlierOutcomes: Record<string, EarlierOutcome>;
  /** The template's guidance for this question (its "Toetsing en bewijzen" section). */
  guidance?: string | undefined;
  /** Text written earlier in that section. */
  earlier?: ReactNode;
}) {
  const t = useT();
  const headingId = useId();
  const hintId = useId();
  const outcomes = new Map(allOutcomes(template).map((outcome) => [outcome.id, outcome]));
  const evidence = doc.getMap<unknown>(DESIGN_KEYS.evidence);
  return (
    <section className="draft-section" aria-labelledby={headingId} id="field-evidence">
      <h2 id={headingId}>{t('design.evidence')}</h2>
      <FieldHint id={hintId} guidance={guidance} fallback={t('design.evidenceHint')} />
      {design.targetedOutcomeIds.length === 0 ? (
        <p className="empty-state">{t('design.evidenceEmpty')}</p>
      ) : null}
      {design.targetedOutcomeIds.map((id) => {
        const outcome = outcomes.get(id) ?? earlierOutcomes[id];
        const text = evidence.get(id);
        const label = t('design.evidenceFor', { code: outcome?.code ?? id, title: outcome?.title ?? '' });
        return (
          <div className="field" key={id} data-testid="evidence-field" data-outcome-id={id}>
            <label htmlFor={`evidence-${id}`}>{label}</label>
            <ItemCommentButton anchor={{ itemKind: 'evidence', itemId: id, label }} />
            {text instanceof Y.Text ? (
              <YTextField
                multiline
                id={`evidence-${id}`}
                text={text}
                rows={3}
                disabled={!editable}
                aria-describedby={hintId}
              />
            ) : (
              // Targeted before evidence existed (another client): ticking again creates it.
              <EvidenceCreator doc={doc} outcomeId={id} editable={editable} hintId={hintId} />
            )}
          </div>
        );
      })}
      {earlier}
    </section>
  );
}

/** A textarea for an outcome without evidence text yet: the first keystroke creates the Y.Text. */
function EvidenceCreator({
  doc,
  outcomeId,
  editable,
  hintId,
}: {
  doc: Y.Doc;
  outcomeId: string;
  editable: boolean;
  hintId: string;
}) {
  return (
    <textarea
      id={`evidence-${outcomeId}`}
      rows={3}
      disabled={!editable}
      aria-describedby={hintId}
      value=""
      onChange={(event) => {
        const value = event.target.value;
        doc.transact(() => {
          const text = new Y.Text(value);
          doc.getMap<unknown>(DESIGN_KEYS.evidence).set(outcomeId, text);
        });
        requestAnimationFrame(() => {
          const element = document.getElementById(`evidence-${outcomeId}`) as HTMLTextAreaElement | null;
          element?.focus();
          element?.setSelectionRange(value.length, value.length);
        });
      }}
    />
  );
}
