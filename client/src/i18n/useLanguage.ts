import { useCallback, useState } from 'react';
import type { Language } from '../../../shared/format/number';
import { CATALOGUE } from './catalogue';

const KEY = 'gridscope.language';

/** The chosen language, zh-CN by default, kept across visits. */
export function useLanguage() {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN'));
  const toggle = useCallback(() => {
    setLanguage((current) => {
      const next = current === 'en' ? 'zh-CN' : 'en';
      localStorage.setItem(KEY, next);
      document.documentElement.lang = next;
      return next;
    });
  }, []);
  return { language, strings: CATALOGUE[language], toggle };
}
