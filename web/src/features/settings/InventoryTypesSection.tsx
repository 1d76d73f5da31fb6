// Inventory types: the defaults and rules an inventory inherits (method, blind counting, report type, keys,
// valuation price, numbering). The administrator maintains them; the New inventory dialog offers them.
import { useMemo, useState } from 'react';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { InventoryType } from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { errorText } from '../../components/errors';
import { InventoryTypeForm } from './InventoryTypeForm';
import { SectionHeader, useIsAdmin } from './shared';

export default function InventoryTypesSection() {
  const { t } = useTranslation();
  const canWrite = useIsAdmin();
  const types = useQuery({
    queryKey: ['/api/inventory-types'],
    queryFn: () => api.get<{ items: InventoryType[] }>('/api/inventory-types'),
  });
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<InventoryType | 'new' | null>(null);
  const rows = useMemo(() => {
    const s = q.trim().toLowerCase();
    return (types.data?.items ?? []).filter(
      (x) => !s || x.code.toLowerCase().includes(s) || x.description.toLowerCase().includes(s),
    );
  }, [types.data, q]);
  return (
    <Stack>
      <SectionHeader
        testId="types"
        title={t('nav.inventoryTypes')}
        help={t('settings.types.help')}
        search={q}
        onSearch={setQ}
        onNew={() => setEditing('new')}
        newLabel={t('settings.types.new')}
        canWrite={canWrite}
      />
      {types.error && <Text c="red">{errorText(t, types.error)}</Text>}
      <VirtualTable
        rows={rows}
        rowKey={(x) => x.code}
        loading={types.isPending}
        onRowClick={setEditing}
        testId="types-table"
        columns={[
          { key: 'code', header: t('common.code'), width: 110, render: (x) => <span className="mono">{x.code}</span> },
          { key: 'description', header: t('settings.description'), grow: 1, width: 200, render: (x) => x.description },
          { key: 'method', header: t('settings.types.method'), width: 150, render: (x) => t(`method.${x.method}`) },
          {
            key: 'counting',
            header: t('settings.types.counting'),
            width: 250,
            render: (x) => (
              <Group gap={4} wrap="nowrap">
                <Badge size="sm" variant="light" tt="none" color={x.showSystemQuantities ? 'orange' : 'gray'}>
                  {x.showSystemQuantities ? t('settings.types.visible') : t('inv.blind')}
                </Badge>
                <Badge size="sm" variant="light" tt="none">
                  {t(`reportType.${x.reportType}`)}
                </Badge>
              </Group>
            ),
          },
          {
            key: 'keys',
            header: t('settings.types.keysShort'),
            width: 200,
            render: (x) => (
              <span className="mono">
                {[x.adjustmentKey, x.transferKey, x.valueAdjustmentKey].map((k) => k ?? '–').join(' / ')}
              </span>
            ),
          },
          {
            key: 'numbers',
            header: t('settings.types.nextNumbers'),
            width: 250,
            render: (x) => (
              <span className="mono">
                {x.inventoryNumbering.prefix +
                  String(x.inventoryNumbering.nextValue).padStart(x.inventoryNumbering.width, '0')}
                {' · '}
                {x.countListNumbering.prefix +
                  String(x.countListNumbering.nextValue).padStart(x.countListNumbering.width, '0')}
              </span>
            ),
          },
        ]}
      />
      {editing && (
        <InventoryTypeForm
          row={editing === 'new' ? null : editing}
          canWrite={canWrite}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
