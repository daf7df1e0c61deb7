import type { Ref } from 'react';
import { REVIEWER_PERSPECTIVES, type ReviewerPerspective } from '../../../shared/domain/design/feedback';
import { RadioOptions } from '../../ui/RadioOptions';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';

/** The perspective's name in the UI language. */
export function usePerspectiveLabel(): (perspective: ReviewerPerspective | null) => string {
  const t = useT();
  return (perspective) =>
    perspective ? t(`quality.perspective.${perspective}` as MessageKey) : t('quality.perspective.none');
}

/**
 * "Ik geef feedback als": whom the reviewer speaks for (rule R13), a native radio group so arrow
 * keys move between the options; `invalid` shows why sending without a choice was refused.
 */
export function PerspectiveField({
  name,
  value,
  onChange,
  invalid,
  errorId,
  ref,
}: {
  name: string;
  value: ReviewerPerspective | null;
  onChange: (perspective: ReviewerPerspective) => void;
  invalid: boolean;
  errorId: string;
  ref?: Ref<HTMLFieldSetElement>;
}) {
  const t = useT();
  const label = usePerspectiveLabel();
  return (
    <fieldset
      ref={ref}
      tabIndex={-1}
      className="radio-group"
      data-testid="perspective"
      aria-describedby={`${name}-hint${invalid ? ` ${errorId}` : ''}`}
    >
      <legend>{t('quality.perspective.legend')}</legend>
      <p id={`${name}-hint`} className="field__hint">
        {t('quality.perspective.hint')}
      </p>
      <RadioOptions
        name={name}
        options={REVIEWER_PERSPECTIVES}
        value={value}
        onChange={onChange}
        labelOf={label}
      />
      {invalid ? (
        <p id={errorId} className="field__error" data-testid="perspective-error">
          {t('quality.perspective.required')}
        </p>
      ) : null}
    </fieldset>
  );
}
