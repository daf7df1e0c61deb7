import { MAX_NAME_LENGTH, useIdentity } from '../realtime/identity';
import { useT } from '../i18n/I18nProvider';

/** "Je naam": the display name others see next to your caret and in the presence bar. */
export function NameField() {
  const t = useT();
  const { identity, draftName, setDraftName } = useIdentity();
  return (
    <div className="field field--inline name-field">
      <label htmlFor="display-name">{t('identity.nameLabel')}</label>
      <span className="name-field__input">
        <span className="name-field__swatch" style={{ backgroundColor: identity.color }} aria-hidden="true" />
        <input
          id="display-name"
          type="text"
          autoComplete="nickname"
          maxLength={MAX_NAME_LENGTH}
          value={draftName}
          onChange={(event) => setDraftName(event.target.value)}
        />
      </span>
    </div>
  );
}
