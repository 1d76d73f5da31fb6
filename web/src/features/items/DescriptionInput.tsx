// The item description (40 characters, as on count sheets and labels): counted while typing and refused when
// longer — never cut silently, so a pasted text that does not fit is seen and shortened by the user.
import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

export const DESCRIPTION_MAX = 40;

/** The description rule of the server (1–40 characters, not only spaces): the message, or null. */
export function descriptionProblem(t: TFunction, v: string, required = true): string | null {
  if (v.length > DESCRIPTION_MAX) return t('itemsUi.descriptionTooLong', { max: DESCRIPTION_MAX, count: v.length });
  if (required && v.trim() === '') return t('form.required');
  return null;
}

export function DescriptionInput({
  value,
  error,
  ...props
}: Omit<TextInputProps, 'value' | 'maxLength'> & { value: string }) {
  const { t } = useTranslation();
  const over = value.length > DESCRIPTION_MAX;
  return (
    <TextInput
      {...props}
      value={value}
      error={
        error ?? (over ? t('itemsUi.descriptionTooLong', { max: DESCRIPTION_MAX, count: value.length }) : undefined)
      }
      rightSectionWidth={64}
      rightSection={
        <span
          data-testid="description-counter"
          style={{ fontSize: 11, color: over ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-dimmed)' }}
        >{`${value.length}/${DESCRIPTION_MAX}`}</span>
      }
    />
  );
}
