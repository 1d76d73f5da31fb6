// i18next with English, Italian and Polish; the language is remembered per device.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { it } from './it';
import { pl } from './pl';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'it', label: 'Italiano' },
  { code: 'pl', label: 'Polski' },
] as const;

const KEY = 'inventur.lang';
function initialLanguage(): string {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
  if (saved && LANGUAGES.some((l) => l.code === saved)) return saved;
  const nav = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return LANGUAGES.some((l) => l.code === nav) ? nav : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, it: { translation: it }, pl: { translation: pl } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
i18n.on('languageChanged', (lng) => {
  localStorage.setItem(KEY, lng);
  document.documentElement.lang = lng;
});

export default i18n;
