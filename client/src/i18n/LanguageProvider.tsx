import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../../../shared/format/number';
import { CATALOGUE, type Strings } from './catalogue';

const KEY = 'gridscope.language';

export interface LanguageState {
  language: Language;
  strings: Strings;
  toggleLanguage(): void;
}

const LanguageContext = createContext<LanguageState | null>(null);

function initialLanguage(remember: boolean): Language {
  const asked =
    new URLSearchParams(window.location.search).get('lang') ?? (remember ? localStorage.getItem(KEY) : null);
  return asked === 'en' ? 'en' : 'zh-CN';
}

/**
 * The screen's language for every component below: ?lang= first, then (where `remember`
 * is set, as on the dashboard) the saved choice, else zh-CN. A switch is saved.
 */
export function LanguageProvider({ remember, children }: { remember: boolean; children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(remember));
  useEffect(
    function markDocumentLanguage() {
      document.documentElement.lang = language;
    },
    [language],
  );
  const toggleLanguage = useCallback(() => {
    setLanguage((current) => {
      const next = current === 'en' ? 'zh-CN' : 'en';
      if (remember) localStorage.setItem(KEY, next);
      return next;
    });
  }, [remember]);
  const state = useMemo(() => ({ language, strings: CATALOGUE[language], toggleLanguage }), [language, toggleLanguage]);
  return <LanguageContext.Provider value={state}>{children}</LanguageContext.Provider>;
}

/** The strings and language of the screen: every component reads them here, none takes them as props. */
export function useStrings(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useStrings() needs a <LanguageProvider> above it');
  return state;
}
