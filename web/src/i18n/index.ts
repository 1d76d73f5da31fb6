// i18next with English, Italian, Polish and German; the language is remembered per device. The resource tree
// of a language is the base file (en.ts …) plus every feature's bundle (bundles.ts).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Tree } from './bundle';
import { BUNDLES } from './bundles';
import { de } from './de';
import { en } from './en';
import { it } from './it';
import { pl } from './pl';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'it', label: 'Italiano' },
  { code: 'pl', label: 'Polski' },
  { code: 'de', label: 'Deutsch' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const BASE: Record<Language, Tree> = { en, it, pl, de };

/** The whole resource tree of one language: base strings and every bundle's. */
export function resourcesOf(lang: Language): Tree {
  return Object.assign({}, BASE[lang], ...Object.values(BUNDLES).map((b) => b[lang])) as Tree;
}

const KEY = 'inventur.lang';
function initialLanguage(): string {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
  if (saved && LANGUAGES.some((l) => l.code === saved)) return saved;
  const nav = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return LANGUAGES.some((l) => l.code === nav) ? nav : 'en';
}

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l.code, { translation: resourcesOf(l.code) }])),
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
i18n.on('languageChanged', (lng) => {
  localStorage.setItem(KEY, lng);
  document.documentElement.lang = lng;
});

export default i18n;
