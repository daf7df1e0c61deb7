import { useId } from 'react';
import { TEMPLATE_KINDS, SECTORS } from '../../../../shared/domain/template/types';
import { TEMPLATE_KEYS } from '../../../../shared/editor/templateDoc';
import { RichTextEditor } from '../../../editor/RichTextEditor';
import { useT } from '../../../i18n/I18nProvider';
import { kindLabelKey, sectorLongLabelKey } from '../../../i18n/templateChanges';
import type { AwarenessUser, CollabSession } from '../../../collab/session';
import { setMeta, setSector } from './draftActions';
import type { DraftView } from './draftView';

const NLQF_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** Title, kind, specialisation, sectors, NLQF level and the (rich-text) description. */
export function GeneralFields({
  session,
  view,
  user,
  editable,
}: {
  session: CollabSession;
  view: DraftView;
  user: AwarenessUser;
  editable: boolean;
}) {
  const t = useT();
  const doc = session.ydoc;
  const headingId = useId();
  const titleId = useId();
  const kindName = useId();
  const specialisationId = useId();
  const specialisationHintId = useId();
  const sectorsHintId = useId();
  const nlqfId = useId();
  return (
    <section className="draft-section" aria-labelledby={headingId} data-testid="general-fields">
      <h2 id={headingId}>{t('templateEditor.general')}</h2>
      <div className="form-stack">
        <div className="field">
          <label htmlFor={titleId}>{t('templateEditor.title')}</label>
          <input
            id={titleId}
            type="text"
            maxLength={200}
            autoComplete="off"
            value={view.title}
            disabled={!editable}
            data-testid="op-title"
            data-path="title"
            onChange={(event) => setMeta(doc, 'title', event.target.value)}
          />
        </div>

        <fieldset className="radio-group">
          <legend>{t('templateEditor.kind')}</legend>
          {TEMPLATE_KINDS.map((kind, index) => (
            <label key={kind} className="radio-group__option">
              <input
                type="radio"
                name={kindName}
                value={kind}
                checked={view.kind === kind}
                disabled={!editable}
                data-testid={`op-kind-${kind}`}
                data-path={index === 0 ? 'kind' : undefined}
                onChange={() => setMeta(doc, 'kind', kind)}
              />
              {t(kindLabelKey(kind))}
            </label>
          ))}
        </fieldset>

        {view.kind === 'vakbekwaam-expert' ? (
          <div className="field">
            <label htmlFor={specialisationId}>{t('templateEditor.specialisation')}</label>
            <p id={specialisationHintId} className="field__hint">
              {t('templateEditor.specialisationHint')}
            </p>
            <input
              id={specialisationId}
              type="text"
              maxLength={200}
              autoComplete="off"
              value={view.specialisation}
              disabled={!editable}
              aria-describedby={specialisationHintId}
              data-testid="op-specialisation"
              data-path="specialisation"
              onChange={(event) => setMeta(doc, 'specialisation', event.target.value)}
            />
          </div>
        ) : null}

        <fieldset className="radio-group" aria-describedby={sectorsHintId}>
          <legend>{t('templateEditor.sectors')}</legend>
          <p id={sectorsHintId} className="field__hint">
            {t('templateEditor.sectorsHint')}
          </p>
          {SECTORS.map((sector, index) => (
            <label key={sector} className="radio-group__option">
              <input
                type="checkbox"
                checked={view.sectors.has(sector)}
                disabled={!editable}
                data-testid={`op-sector-${sector}`}
                data-path={index === 0 ? 'sectors' : undefined}
                onChange={(event) => setSector(doc, sector, event.target.checked)}
              />
              {t(sectorLongLabelKey(sector))}
            </label>
          ))}
        </fieldset>

        <div className="field field--short-select">
          <label htmlFor={nlqfId}>{t('templateEditor.nlqf')}</label>
          <select
            id={nlqfId}
            value={view.nlqfLevel === null ? '' : String(view.nlqfLevel)}
            disabled={!editable}
            data-testid="op-nlqf"
            data-path="nlqfLevel"
            onChange={(event) =>
              setMeta(doc, 'nlqfLevel', event.target.value ? Number(event.target.value) : null)
            }
          >
            <option value="">{t('templateEditor.nlqfChoose')}</option>
            {NLQF_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t('templateEditor.nlqfOption', { level })}
              </option>
            ))}
          </select>
        </div>

        <div className="field">
          <span className="field__label">{t('templateEditor.description')}</span>
          <RichTextEditor
            session={session}
            field={TEMPLATE_KEYS.description}
            editorId="op-description-editor"
            label={t('templateEditor.description')}
            user={user}
            editable={editable}
            testId="op-description"
          />
        </div>
      </div>
    </section>
  );
}
