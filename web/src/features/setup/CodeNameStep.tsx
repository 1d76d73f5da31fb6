// Steps (a) and (b): the company's site and its first stock owner — a code and a name each, created
// through /api/sites and /api/owners.
import { useState } from 'react';
import { SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { applyServerError } from '../../components/form';
import { StepFrame, type StepProps } from './StepFrame';
import { SETUP_KEY } from './useSetupStatus';
import { codeRule, nameRule } from './setupRules';

export interface Created {
  id: string;
  code: string;
  name: string;
}

export function CodeNameStep({
  kind,
  existing,
  onDone,
  onSkip,
}: StepProps<Created> & { kind: 'site' | 'owner'; existing: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({ initialValues: { code: '', name: '' }, validate: { code: codeRule(t), name: nameRule(t) } });
  const path = kind === 'site' ? '/api/sites' : '/api/owners';
  const save = useMutation({
    mutationFn: (v: { code: string; name: string }) =>
      api.post<Created>(path, { code: v.code.trim(), name: v.name.trim() }),
    onMutate: () => setAlert(null),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: [path] });
      void qc.invalidateQueries({ queryKey: SETUP_KEY });
      onDone(r);
    },
    onError: (e) => setAlert(applyServerError(form, t, e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <StepFrame
        id={kind}
        help={t(`setup.${kind}.help`)}
        onSkip={onSkip}
        creating={save.isPending}
        alert={alert}
        existing={existing > 0 ? t(`setup.${kind}.existing`, { count: existing }) : null}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('common.code')}
            description={t(`setup.${kind}.codeHelp`)}
            withAsterisk
            maxLength={20}
            {...form.getInputProps('code')}
            data-testid={`setup-${kind}-code`}
          />
          <TextInput
            label={t('common.name')}
            withAsterisk
            maxLength={80}
            {...form.getInputProps('name')}
            data-testid={`setup-${kind}-name`}
          />
        </SimpleGrid>
      </StepFrame>
    </form>
  );
}
