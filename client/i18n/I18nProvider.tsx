import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './nl';
import { LOCALES, isLanguage, t, type Language, type MessageParams } from './translate';

const STORAGE_KEY = 'werkplaats:language';

interface I18nValue {
  language: Language;
  locale: string;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'nl';
  } catch {
    // Storage can be unavailable (privacy modes); Dutch is the default anyway.
    return 'nl';
  }
}

/** Holds the UI language (stored in localStorage) and keeps `<html lang>` in step with it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(readStoredLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisting is acceptable: the choice still holds for this page.
    }
  }, []);

  const value = useMemo<I18nValue>(
    () => ({
      language,
      locale: LOCALES[language],
      setLanguage,
      t: (key, params) => t(language, key, params),
    }),
    [language, setLanguage],
  );

  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The current language, its locale and a setter. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}

/** The `t(key, params)` function for the current language. */
export function useT(): I18nValue['t'] {
  return useI18n().t;
}
