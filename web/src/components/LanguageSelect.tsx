import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/index';

export function LanguageSelect({ compact = false }: { compact?: boolean }) {
  const { i18n, t } = useTranslation();
  return (
    <Select
      aria-label={t('common.language')}
      label={compact ? undefined : t('common.language')}
      size={compact ? 'xs' : 'sm'}
      w={compact ? 110 : undefined}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(v) => v && void i18n.changeLanguage(v)}
      allowDeselect={false}
    />
  );
}
