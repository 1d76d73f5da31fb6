// Date pickers (@mantine/dates) in the UI language: day and month names, first day of the week.
import type { ReactNode } from 'react';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/it';
import 'dayjs/locale/pl';

export function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <DatesProvider settings={{ locale: lang === 'en' ? 'en-gb' : lang, firstDayOfWeek: 1 }}>{children}</DatesProvider>
  );
}
