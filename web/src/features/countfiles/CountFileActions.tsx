// "Export counts" (CSV/XLSX) and "Import counts" for a count list or an inventory: one element for the pages
// to place, so each page only adds a line.
import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileImport, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifyOk } from '../../components/errors';
import { CountFileImportModal } from './CountFileImportModal';
import { type CountFileReport, type CountFileScope, downloadCounts } from './countFiles';

export function CountFileActions({
  scope,
  canImport = true,
  onImported,
  size = 'sm',
}: {
  scope: CountFileScope;
  canImport?: boolean;
  onImported?: (r: CountFileReport) => void;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  const download = (format: 'csv' | 'xlsx') => {
    downloadCounts(scope, format).then(
      (name) => notifyOk(t('countFiles.export.done', { name })),
      (e: unknown) => notifyError(t, e),
    );
  };
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            size={size}
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} />}
            rightSection={<IconChevronDown size={14} />}
            data-testid="count-export"
          >
            {t('countFiles.export.action')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => download('csv')} data-testid="count-export-csv">
            {t('countFiles.export.csv')}
          </Menu.Item>
          <Menu.Item onClick={() => download('xlsx')} data-testid="count-export-xlsx">
            {t('countFiles.export.xlsx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button
        size={size}
        variant="light"
        leftSection={<IconFileImport size={16} />}
        disabled={!canImport}
        onClick={() => setImporting(true)}
        data-testid="count-import-open"
      >
        {t('countFiles.import.action')}
      </Button>
      <CountFileImportModal
        scope={scope}
        opened={importing}
        onClose={() => setImporting(false)}
        onImported={onImported}
        title={t(scope.kind === 'list' ? 'countFiles.import.titleList' : 'countFiles.import.titleInventory')}
      />
    </>
  );
}
