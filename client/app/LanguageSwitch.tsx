import { useI18n } from '../i18n/I18nProvider';
import { LANGUAGES } from '../i18n/translate';

/** NL / EN toggle; the choice is remembered and sets `<html lang>`. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language.groupLabel')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-switch__option"
          aria-pressed={language === option}
          aria-label={t(option === 'nl' ? 'language.nl' : 'language.en')}
          onClick={() => setLanguage(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
