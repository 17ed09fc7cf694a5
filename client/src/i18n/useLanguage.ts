import { useCallback, useEffect, useState } from 'react';
import type { Language } from '../../../shared/format/number';
import { CATALOGUE } from './catalogue';

const KEY = 'gridscope.language';

/** The chosen language: ?lang= first, then the saved choice, else zh-CN; a switch is saved. */
export function useLanguage() {
  const [language, setLanguage] = useState<Language>(() => {
    const asked = new URLSearchParams(window.location.search).get('lang') ?? localStorage.getItem(KEY);
    return asked === 'en' ? 'en' : 'zh-CN';
  });
  useEffect(function markDocumentLanguage() { document.documentElement.lang = language; }, [language]);
  const toggle = useCallback(() => {
    setLanguage((current) => {
      const next = current === 'en' ? 'zh-CN' : 'en';
      localStorage.setItem(KEY, next);
      return next;
    });
  }, []);
  return { language, strings: CATALOGUE[language], toggle };
}
