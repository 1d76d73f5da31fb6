// Item import from the Items screen, in the CLI's formats (CSV with comma or semicolon, or XLSX; the columns of
// the export): items or search codes, a dry run that checks every row and writes nothing, all-or-nothing, and
// the report of every rejected row (line, column, field, reason) on screen and as a CSV to fix the file by.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorText, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { rejectedCsv, saveBlob, uploadImport, type ImportKind, type ImportReport } from './importFiles';

const SHOWN = 500;
type Rejected = ImportReport['rejected'][number];

/** A rejected row's reason in the UI language (the error code's sentence), the server's English text otherwise. */
export function reasonOf(t: TFunction, r: Rejected): string {
  const key = `errorCodes.${r.code}`;
  const text = t(key, { field: r.field, defaultValue: '' });
  return text && text !== key ? text : r.message;
}

export function ItemImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('items');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const run = useMutation({
    mutationFn: () => uploadImport(kind, file!, { dryRun, allOrNothing }),
    onSuccess: (r) => {
      if (r.status === 'imported') {
        notifyOk(t('itemsUi.import.done', { count: r.imported }));
        void qc.invalidateQueries({ queryKey: ['/api/items'] });
      }
    },
  });
  const close = () => {
    run.reset();
    setFile(null);
    onClose();
  };
  const report = run.data;
  return (
    <Modal opened={opened} onClose={close} size="xl" title={t('itemsUi.import.title')}>
      <Stack gap="sm" data-testid="item-import">
        <SegmentedControl
          value={kind}
          onChange={(x) => {
            setKind(x as ImportKind);
            run.reset();
          }}
          data-testid="import-kind"
          data={[
            { value: 'items', label: t('itemsUi.import.items') },
            { value: 'search-codes', label: t('itemsUi.import.searchCodes') },
          ]}
        />
        <Text size="sm" c="dimmed">
          {t(kind === 'items' ? 'itemsUi.import.itemsHelp' : 'itemsUi.import.searchCodesHelp')}
        </Text>
        <FileInput
          label={t('itemsUi.import.file')}
          placeholder={t('itemsUi.import.choose')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            run.reset();
          }}
          clearable
          leftSection={<IconUpload size={16} />}
          data-testid="import-file"
        />
        <Group>
          <Checkbox
            label={t('itemsUi.import.dryRun')}
            description={t('itemsUi.import.dryRunHelp')}
            checked={dryRun}
            onChange={(e) => setDryRun(e.currentTarget.checked)}
            data-testid="import-dry-run"
          />
          <Checkbox
            label={t('itemsUi.import.allOrNothing')}
            description={t('itemsUi.import.allOrNothingHelp')}
            checked={allOrNothing}
            onChange={(e) => setAllOrNothing(e.currentTarget.checked)}
            data-testid="import-all-or-nothing"
          />
        </Group>
        {run.error && (
          <Alert color="red" data-testid="import-error">
            {errorText(t, run.error)}
          </Alert>
        )}
        {report && (
          <Stack gap="xs" data-testid="import-report" data-status={report.status}>
            <Group gap="xs">
              <Badge color={report.status === 'rejected' ? 'red' : report.rejected.length ? 'yellow' : 'green'}>
                {t(`itemsUi.import.status.${report.status}`)}
              </Badge>
              <Text size="sm" data-testid="import-summary">
                {t(report.status === 'validated' ? 'itemsUi.import.summaryDry' : 'itemsUi.import.summary', {
                  total: fmt.quantity(String(report.total)),
                  imported: fmt.quantity(String(report.imported)),
                  rejected: fmt.quantity(String(report.rejected.length)),
                })}
              </Text>
            </Group>
            {report.rejected.length > 0 && (
              <>
                <ScrollArea.Autosize mah={320}>
                  <Table withTableBorder striped fz="sm" data-testid="import-rejected">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('itemsUi.import.line')}</Table.Th>
                        <Table.Th>{t('itemsUi.import.column')}</Table.Th>
                        <Table.Th>{t('itemsUi.import.field')}</Table.Th>
                        <Table.Th>{t('itemsUi.import.reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {report.rejected.slice(0, SHOWN).map((r, i) => {
                        const reason = reasonOf(t, r);
                        return (
                          <Table.Tr key={i}>
                            <Table.Td>{r.line}</Table.Td>
                            <Table.Td>{r.column ?? ''}</Table.Td>
                            <Table.Td className="mono">{r.field}</Table.Td>
                            <Table.Td>
                              {reason}
                              {reason !== r.message && (
                                <Text size="xs" c="dimmed">
                                  {r.message}
                                </Text>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
                {report.rejected.length > SHOWN && (
                  <Text size="xs" c="dimmed">
                    {t('itemsUi.import.more', { shown: SHOWN, total: report.rejected.length })}
                  </Text>
                )}
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconDownload size={14} />}
                    onClick={() =>
                      saveBlob(
                        new Blob([rejectedCsv(report.rejected, (r) => reasonOf(t, r))], { type: 'text/csv' }),
                        'rejected-rows.csv',
                      )
                    }
                  >
                    {t('itemsUi.import.downloadRejected')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('itemsUi.import.close')}
          </Button>
          <Button disabled={!file} loading={run.isPending} onClick={() => run.mutate()} data-testid="import-run">
            {dryRun ? t('itemsUi.import.check') : t('itemsUi.import.run')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
