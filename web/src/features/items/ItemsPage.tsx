// Item master: search by code, search code or description (the API's word search); create an item (automatic
// code, template, barcode) and edit it with every item-master tab in a drawer (ItemEditor).
import { useState } from 'react';
import { Badge, Button, Group, Menu, Select, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { ItemEditor } from './ItemEditor';
import { ItemCreateModal } from './ItemCreateModal';
import { ItemImportModal } from './ItemImportModal';
import { downloadExport } from './importFiles';

interface Item {
  id: string;
  code: string;
  description: string;
  primaryUnit: string;
  lotManagement: 'no' | 'yes' | 'auto';
  serialManagement: boolean;
  abcClass: 'A' | 'B' | 'C' | null;
  countCycleDays: number;
  includeInInventory: boolean;
  movingAveragePrice: string;
  productGroup: string | null;
}

export default function ItemsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [field, setField] = useState('any');
  const [debounced] = useDebouncedValue(q, 250);
  const { rows, loading, more } = usePaged<Item>('/api/items', { q: debounced || undefined, field });
  const [edit, setEdit] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const fmt = useFormat();
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      notifyOk(t('itemsUi.exported', { file: await downloadExport(format) }));
    } catch (e) {
      notifyError(t, e);
    } finally {
      setExporting(false);
    }
  };

  const columns: Column<Item>[] = [
    { key: 'code', header: t('items.code'), width: 160, render: (r) => <span className="mono">{r.code}</span> },
    { key: 'description', header: t('items.description'), grow: 2, width: 240, render: (r) => r.description },
    { key: 'unit', header: t('items.unit'), width: 70, render: (r) => r.primaryUnit },
    {
      key: 'lot',
      header: t('items.lot'),
      width: 90,
      render: (r) => (r.lotManagement !== 'no' ? <Badge size="xs">{t(`lotManagement.${r.lotManagement}`)}</Badge> : ''),
    },
    {
      key: 'serial',
      header: t('items.serial'),
      width: 70,
      render: (r) =>
        r.serialManagement ? (
          <Badge size="xs" color="grape">
            SN
          </Badge>
        ) : (
          ''
        ),
    },
    { key: 'abc', header: 'ABC', width: 50, render: (r) => r.abcClass ?? '' },
    { key: 'cycle', header: t('items.countCycle'), width: 90, align: 'right', render: (r) => r.countCycleDays || '' },
    {
      key: 'avg',
      header: t('items.avgPrice'),
      width: 110,
      align: 'right',
      render: (r) => fmt.money(r.movingAveragePrice),
    },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('nav.items')}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} />}
            onClick={() => setImporting(true)}
            data-testid="item-import-open"
          >
            {t('itemsUi.import.open')}
          </Button>
          <Menu>
            <Menu.Target>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                loading={exporting}
                data-testid="item-export"
              >
                {t('itemsUi.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportAs('csv')} data-testid="item-export-csv">
                CSV
              </Menu.Item>
              <Menu.Item onClick={() => void exportAs('xlsx')} data-testid="item-export-xlsx">
                Excel (XLSX)
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-item">
            {t('itemEdit.newItem')}
          </Button>
        </Group>
      </Group>
      <Group>
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('items.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={360}
          data-testid="item-search"
        />
        <Select
          w={180}
          value={field}
          onChange={(v) => setField(v ?? 'any')}
          allowDeselect={false}
          data={['any', 'code', 'searchCode', 'description'].map((v) => ({ value: v, label: t(`items.field.${v}`) }))}
        />
      </Group>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        loading={loading}
        onEndReached={more}
        onRowClick={(r) => setEdit(r.id)}
        testId="items-table"
      />
      <ItemEditor itemId={edit} onClose={() => setEdit(null)} />
      <ItemImportModal opened={importing} onClose={() => setImporting(false)} />
      <ItemCreateModal opened={creating} onClose={() => setCreating(false)} onCreated={(item) => setEdit(item.id)} />
    </Stack>
  );
}
