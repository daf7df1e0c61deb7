import { DESIGN_ORIGINS, type DesignOrigin } from '../../../shared/domain/design/feedback';
import { RadioOptions } from '../../ui/RadioOptions';
import { useT } from '../../i18n/I18nProvider';

/** "Soort aanbod": a new design, or existing offer that goes straight to interne toetsing. */
export function OriginField({
  name,
  value,
  onChange,
}: {
  name: string;
  value: DesignOrigin;
  onChange: (origin: DesignOrigin) => void;
}) {
  const t = useT();
  return (
    <fieldset className="radio-group" data-testid="design-origin-choice">
      <legend>{t('quality.origin.legend')}</legend>
      <RadioOptions
        name={name}
        options={DESIGN_ORIGINS}
        value={value}
        onChange={onChange}
        labelOf={(origin) => t(origin === 'bestaand' ? 'quality.origin.bestaand' : 'quality.origin.nieuw')}
      />
    </fieldset>
  );
}
