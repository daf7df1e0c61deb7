import { useId } from 'react';
import { SECTORS, type TemplateContent } from '../../../shared/domain/template/types';
import { useT } from '../../i18n/I18nProvider';
import { sectorLongLabelKey } from '../../i18n/templateChanges';
import { setMeta, setSector } from './designActions';
import type { FieldProps } from './designFields';

const NLQF_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** "Algemeen": the design's title, sectors and NLQF level. */
export function GeneralFields({
  doc,
  design,
  template,
  title,
  editable,
}: FieldProps & { template: TemplateContent; title: string }) {
  const t = useT();
  const headingId = useId();
  const sectorsHintId = useId();
  const nlqfHintId = useId();
  return (
    <section className="draft-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('design.general')}</h2>
      <div className="field">
        <label htmlFor="field-title">{t('design.title')}</label>
        <input
          id="field-title"
          type="text"
          maxLength={200}
          autoComplete="off"
          value={title}
          disabled={!editable}
          data-testid="design-title-input"
          onChange={(event) => setMeta(doc, 'title', event.target.value)}
        />
      </div>
      <fieldset className="radio-group" id="field-sectors" aria-describedby={sectorsHintId}>
        <legend>{t('design.sectors')}</legend>
        <p id={sectorsHintId} className="field__hint">
          {t('design.sectorsHint', { sectors: template.sectors.join(', ') })}
        </p>
        {SECTORS.map((sector) => (
          <label key={sector} className="radio-group__option">
            <input
              type="checkbox"
              checked={design.sectors.includes(sector)}
              disabled={!editable}
              data-testid={`design-sector-${sector}`}
              onChange={(event) => setSector(doc, sector, event.target.checked)}
            />
            {t(sectorLongLabelKey(sector))}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="field-nlqfLevel">{t('design.nlqf')}</label>
        <select
          id="field-nlqfLevel"
          value={design.nlqfLevel === null ? '' : String(design.nlqfLevel)}
          disabled={!editable}
          aria-describedby={nlqfHintId}
          onChange={(event) =>
            setMeta(doc, 'nlqfLevel', event.target.value ? Number(event.target.value) : null)
          }
        >
          <option value="">{t('design.choose')}</option>
          {NLQF_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t('templateEditor.nlqfOption', { level })}
            </option>
          ))}
        </select>
        <p id={nlqfHintId} className="field__hint">
          {t('design.nlqfHint', { level: template.nlqfLevel ?? '—' })}
        </p>
      </div>
    </section>
  );
}
