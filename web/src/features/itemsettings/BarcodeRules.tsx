// In-house barcode rules of a site, in decode order (the first that matches wins; tried only after GTIN and
// GS1 readings fail): list, create, edit, (de)activate, delete, reorder, and a "try a scan" box that runs the
// site's tokenizer on a string and shows what it makes of it.
import { useEffect, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, type Page } from '../../api/client';
import type { Site } from '../../api/models';
import { notifyError, notifyOk } from '../../components/errors';
import { useSession } from '../auth/session';
import { RuleEditor, type BarcodeRule } from './RuleEditor';
import { TryScan } from './TryScan';

/** One line describing a rule: "B: · parts itemCode / lot / quantity" or "INV… · itemCode 4–9, lot 10–13". */
export function ruleSummary(t: TFunction, rule: Record<string, unknown>): string {
  const r = rule as {
    kind: string;
    prefix?: string;
    separator?: string;
    length?: number;
    fields: Array<{ field: string; start: number; length?: number } | string | null>;
  };
  const name = (f: string) => t(`itemSettings.rules.field.${f}`);
  const head = r.prefix ? `${t('itemSettings.rules.prefix')} "${r.prefix}" · ` : '';
  if (r.kind === 'separator') {
    return `${head}${r.fields.map((f) => (typeof f === 'string' ? name(f) : '—')).join(` ${r.separator ?? ''} `)}`;
  }
  const parts = r.fields.map((f) => {
    if (!f || typeof f === 'string') return '';
    const from = f.start + 1;
    return `${name(f.field)} ${from}${f.length ? `–${from + f.length - 1}` : '…'}`;
  });
  return `${head}${parts.join(', ')}${r.length ? ` · ${t('itemSettings.rules.totalLength')} ${r.length}` : ''}`;
}

export function BarcodeRules() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { user } = useSession();
  const sites = useQuery({
    queryKey: ['/api/sites', 'all'],
    queryFn: () => api.get<Page<Site>>('/api/sites', { limit: 1000 }),
  });
  const [siteId, setSiteId] = useState<string | null>(user?.siteId ?? null);
  useEffect(() => {
    if (!siteId && sites.data?.items[0]) setSiteId(sites.data.items[0].id);
  }, [siteId, sites.data]);
  const rules = useQuery({
    queryKey: ['/api/barcode-rules', siteId],
    enabled: !!siteId,
    queryFn: () => api.get<{ items: BarcodeRule[] }>('/api/barcode-rules', { siteId: siteId! }),
  });
  const [edit, setEdit] = useState<BarcodeRule | 'new' | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['/api/barcode-rules'] });
  const reorder = useMutation({
    mutationFn: (ids: string[]) => api.put<{ items: BarcodeRule[] }>('/api/barcode-rules/order', { siteId, ids }),
    onSuccess: refresh,
    onError: (e) => notifyError(t, e),
  });
  const toggle = useMutation({
    mutationFn: (r: BarcodeRule) => api.patch<BarcodeRule>(`/api/barcode-rules/${r.id}`, { active: !r.active }),
    onSuccess: refresh,
    onError: (e) => notifyError(t, e),
  });
  const del = useMutation({
    mutationFn: (id: string) => api.del(`/api/barcode-rules/${id}`),
    onSuccess: () => {
      notifyOk(t('itemSettings.deleted'));
      refresh();
    },
    onError: (e) => notifyError(t, e),
  });
  const list = rules.data?.items ?? [];
  const move = (i: number, dir: -1 | 1) => {
    const ids = list.map((r) => r.id);
    const [x] = ids.splice(i, 1);
    ids.splice(i + dir, 0, x!);
    reorder.mutate(ids);
  };
  const siteOptions = (sites.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('itemSettings.rules.site')}
          w={320}
          allowDeselect={false}
          disabled={!!user?.siteId}
          data={siteOptions}
          value={siteId}
          onChange={setSiteId}
          data-testid="rules-site"
        />
        <Button
          leftSection={<IconPlus size={16} />}
          disabled={!siteId}
          onClick={() => setEdit('new')}
          data-testid="rule-new"
        >
          {t('itemSettings.rules.new')}
        </Button>
      </Group>
      {sites.data && sites.data.items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('itemSettings.rules.noSite')}
        </Text>
      )}
      <Table withTableBorder striped data-testid="rules-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>{t('common.name')}</Table.Th>
            <Table.Th>{t('itemSettings.rules.kind')}</Table.Th>
            <Table.Th>{t('itemSettings.rules.layout')}</Table.Th>
            <Table.Th>{t('itemSettings.rules.active')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {siteId && rules.data && list.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" size="sm">
                  {t('itemSettings.rules.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {list.map((r, i) => (
            <Table.Tr key={r.id} data-testid={`rule-row-${r.name}`} opacity={r.active ? 1 : 0.6}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light">
                  {t(`itemSettings.rules.kinds.${String(r.rule.kind)}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="mono">
                  {ruleSummary(t, r.rule)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Switch
                  size="sm"
                  checked={r.active}
                  onChange={() => toggle.mutate(r)}
                  aria-label={`${t('itemSettings.rules.active')} ${r.name}`}
                />
              </Table.Td>
              <Table.Td w={150}>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    disabled={i === 0 || reorder.isPending}
                    onClick={() => move(i, -1)}
                    aria-label={`${t('gen.up')} ${r.name}`}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    disabled={i === list.length - 1 || reorder.isPending}
                    onClick={() => move(i, 1)}
                    aria-label={`${t('gen.down')} ${r.name}`}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    onClick={() => setEdit(r)}
                    aria-label={`${t('itemEdit.edit')} ${r.name}`}
                  >
                    <IconEdit size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      if (confirm(t('itemSettings.rules.confirmDelete', { name: r.name }))) del.mutate(r.id);
                    }}
                    aria-label={`${t('common.delete')} ${r.name}`}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <TryScan siteId={siteId} />
      {edit && siteId && (
        <RuleEditor siteId={siteId} current={edit === 'new' ? null : edit} onClose={() => setEdit(null)} />
      )}
    </Stack>
  );
}
