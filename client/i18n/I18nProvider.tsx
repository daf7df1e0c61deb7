import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { MessageKey, Messages } from './nl';
import { LOCALES, isLanguage, loadMessages, translate, type Language, type MessageParams } from './translate';

const STORAGE_KEY = 'werkplaats:language';

interface I18nValue {
  language: Language;
  locale: string;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** The loaded catalog (which keys exist, e.g. a server error code's message). */
  messages: Readonly<Messages>;
}

const I18nContext = createContext<I18nValue | null>(null);

/** The language chosen earlier in this browser, else Dutch. */
export function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'nl';
  } catch {
    // Storage can be unavailable (privacy modes); Dutch is the default anyway.
    return 'nl';
  }
}

/**
 * Holds the UI language (stored in localStorage) and keeps `<html lang>` in step with it. Starts
 * with a language whose messages are loaded; a switch shows the new language once its messages are.
 */
export function I18nProvider({
  initial,
  children,
}: {
  initial: { language: Language; messages: Messages };
  children: ReactNode;
}) {
  const [current, setCurrent] = useState(initial);
  const { language, messages } = current;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // The language asked for last: a slow catalog must not overrule a later click.
  const requested = useRef(initial.language);
  const setLanguage = useCallback((next: Language) => {
    requested.current = next;
    // A catalog that cannot be fetched (offline) leaves the page in its current language.
    loadMessages(next).then(
      (nextMessages) => {
        if (requested.current !== next) return;
        setCurrent({ language: next, messages: nextMessages });
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Not persisting is acceptable: the choice still holds for this page.
        }
      },
      () => undefined,
    );
  }, []);

  const value = useMemo<I18nValue>(() => {
    const plurals = new Intl.PluralRules(LOCALES[language]);
    return {
      language,
      locale: LOCALES[language],
      setLanguage,
      t: (key, params) => translate(messages, plurals, key, params),
      messages,
    };
  }, [language, messages, setLanguage]);

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
