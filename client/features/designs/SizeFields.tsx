import { useId } from 'react';
import { LEARNING_FORMS, LEARNING_MODES } from '../../../shared/domain/design/types';
import { RadioOptions } from '../../ui/RadioOptions';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { setMeta } from './designActions';
import type { FieldProps } from './designFields';

const round2 = (value: number) => Math.round(value * 100) / 100;

/** "Omvang en vorm": ECTS or hours (one value, two units), the learning mode and the placement. */
export function SizeFields({ doc, design, editable, hoursPerEcts }: FieldProps & { hoursPerEcts: number }) {
  const t = useT();
  const headingId = useId();
  const ectsHintId = useId();
  const hoursHintId = useId();
  const placement = design.placement;
  return (
    <section className="draft-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('design.size')}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="field-ects">{t('design.ects')}</label>
          <input
            id="field-ects"
            type="number"
            min={0}
            step={0.5}
            inputMode="decimal"
            aria-describedby={ectsHintId}
            value={design.ects === null ? '' : round2(design.ects)}
            disabled={!editable}
            onChange={(event) =>
              setMeta(doc, 'ects', event.target.value === '' ? null : Number(event.target.value))
            }
          />
          <p id={ectsHintId} className="field__hint">
            {t('design.ectsHint', { hours: hoursPerEcts })}
          </p>
        </div>
        <div className="field">
          <label htmlFor="field-hours">{t('design.hours')}</label>
          <input
            id="field-hours"
            type="number"
            min={0}
            step={1}
            inputMode="decimal"
            aria-describedby={hoursHintId}
            value={design.ects === null ? '' : round2(design.ects * hoursPerEcts)}
            disabled={!editable}
            onChange={(event) =>
              setMeta(
                doc,
                'ects',
                event.target.value === '' ? null : Number(event.target.value) / hoursPerEcts,
              )
            }
          />
          <p id={hoursHintId} className="field__hint">
            {t('design.hoursHint')}
          </p>
        </div>
      </div>
      <fieldset className="radio-group" id="field-mode">
        <legend>{t('design.mode')}</legend>
        <RadioOptions
          name="design-mode"
          options={LEARNING_MODES}
          value={design.mode}
          onChange={(mode) => setMeta(doc, 'mode', mode)}
          labelOf={(mode) => t(`design.mode.${mode}` as MessageKey)}
          disabled={!editable}
        />
      </fieldset>
      <fieldset className="radio-group" id="field-placement">
        <legend>{t('design.placement')}</legend>
        <RadioOptions
          name="design-placement"
          options={['verticaal', 'horizontaal'] as const}
          value={placement?.type}
          onChange={(type) => setMeta(doc, 'placementType', type)}
          labelOf={(type) => t(`design.placement.${type}`)}
          disabled={!editable}
        />
        {placement?.type === 'verticaal' ? (
          <div className="field">
            <label htmlFor="field-position">{t('design.position')}</label>
            <input
              id="field-position"
              type="number"
              min={1}
              step={1}
              value={placement.position ?? ''}
              disabled={!editable}
              onChange={(event) =>
                setMeta(doc, 'position', event.target.value === '' ? null : Number(event.target.value))
              }
            />
          </div>
        ) : null}
        {placement?.type === 'horizontaal' ? (
          <div className="field">
            <label htmlFor="field-learningForm">{t('design.learningForm')}</label>
            <select
              id="field-learningForm"
              value={placement.learningForm ?? ''}
              disabled={!editable}
              onChange={(event) => setMeta(doc, 'learningForm', event.target.value || null)}
            >
              <option value="">{t('design.choose')}</option>
              {LEARNING_FORMS.map((form) => (
                <option key={form} value={form}>
                  {t(`design.learningForm.${form}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </fieldset>
    </section>
  );
}
