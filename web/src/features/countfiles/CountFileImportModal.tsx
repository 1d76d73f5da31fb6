// Import of a count file: a CSV (comma or semicolon) or XLSX in the columns of the count-sheet
// export, uploaded to one list or a whole inventory. Options: partial (apply the valid rows; default all or
// nothing) and dry run (check every row through the reporting rules, write nothing). The result: a summary,
// and every rejected row with its line, column and the rule in the UI language (the server's text below it).
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileInput, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { codeText, errorText, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import {
  type CountFileReport,
  type CountFileScope,
  type CountRejectedRow,
  rejectedCsv,
  saveBlob,
  uploadCounts,
} from './countFiles';

const SHOWN = 500;
const COLUMNS = ['list', 'warehouse', 'zone', 'bin', 'item', 'lot', 'serial', 'unit', 'counted'];

/** A column of the count file by name (the file's own header names map to these). */
export function columnName(t: TFunction, field: string): string {
  return COLUMNS.includes(field) ? t(`countFiles.columns.${field}`) : field;
}

/** The rule a row broke, in the UI language; the server's English text when the code has no sentence. */
export function ruleText(t: TFunction, r: CountRejectedRow): string {
  return codeText(t, { code: r.code, message: r.message, params: r.params ?? null });
}

export function CountFileImportModal({
  scope,
  title,
  opened,
  onClose,
  onImported,
}: {
  scope: CountFileScope;
  title: string;
  opened: boolean;
  onClose: () => void;
  onImported?: (r: CountFileReport) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [partial, setPartial] = useState(false);
  const run = useMutation({
    mutationFn: () => uploadCounts(scope, file!, { dryRun, partial }),
    onSuccess: (r) => {
      if (r.status === 'imported' && r.applied) {
        notifyOk(t('countFiles.import.done', { reported: fmt.quantity(String(r.reported)) }));
        onImported?.(r);
      }
    },
  });
  const close = () => {
    run.reset();
    setFile(null);
    onClose();
  };
  const report = run.data;
  const n = (v: number) => fmt.quantity(String(v));
  return (
    <Modal opened={opened} onClose={close} size="xl" title={title}>
      <Stack gap="sm" data-testid="count-import">
        <Text size="sm" c="dimmed">
          {t('countFiles.import.help')}
        </Text>
        <FileInput
          label={t('countFiles.import.file')}
          placeholder={t('countFiles.import.choose')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            run.reset();
          }}
          clearable
          leftSection={<IconUpload size={16} />}
          data-testid="count-import-file"
        />
        <Group align="flex-start">
          <Checkbox
            label={t('countFiles.import.dryRun')}
            description={t('countFiles.import.dryRunHelp')}
            checked={dryRun}
            onChange={(e) => {
              setDryRun(e.currentTarget.checked);
              run.reset();
            }}
            data-testid="count-import-dry-run"
          />
          <Checkbox
            label={t('countFiles.import.partial')}
            description={t('countFiles.import.partialHelp')}
            checked={partial}
            onChange={(e) => {
              setPartial(e.currentTarget.checked);
              run.reset();
            }}
            data-testid="count-import-partial"
          />
        </Group>
        {run.error && (
          <Alert color="red" data-testid="count-import-error">
            {errorText(t, run.error)}
          </Alert>
        )}
        {report && (
          <Stack gap="xs" data-testid="count-import-report" data-status={report.status}>
            <Group gap="xs">
              <Badge color={report.status === 'rejected' ? 'red' : report.rejected.length ? 'yellow' : 'green'}>
                {t(`countFiles.import.status.${report.status}`)}
              </Badge>
              <Text size="sm" data-testid="count-import-summary">
                {t(`countFiles.import.summary.${report.status}`, {
                  total: n(report.total),
                  reported: n(report.reported),
                  rejected: n(report.rejected.length),
                  skipped: n(report.skipped),
                  added: n(report.added),
                  unchanged: n(report.unchanged),
                })}
              </Text>
            </Group>
            {report.ignoredColumns.length > 0 && (
              <Text size="xs" c="dimmed" data-testid="count-import-ignored">
                {t('countFiles.import.ignored', { columns: report.ignoredColumns.join(', ') })}
              </Text>
            )}
            {report.rejected.length > 0 && (
              <>
                <ScrollArea.Autosize mah={320}>
                  <Table withTableBorder striped fz="sm" data-testid="count-import-rejected">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('countFiles.import.line')}</Table.Th>
                        <Table.Th>{t('countFiles.import.column')}</Table.Th>
                        <Table.Th>{t('countFiles.import.rule')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {report.rejected.slice(0, SHOWN).map((r, i) => {
                        const rule = ruleText(t, r);
                        return (
                          <Table.Tr key={i}>
                            <Table.Td>{r.line}</Table.Td>
                            <Table.Td>
                              {columnName(t, r.field)}
                              {r.column ? ` (${r.column})` : ''}
                            </Table.Td>
                            <Table.Td>
                              {rule}
                              {rule !== r.message && (
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
                    {t('countFiles.import.more', { shown: SHOWN, total: report.rejected.length })}
                  </Text>
                )}
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconDownload size={14} />}
                    data-testid="count-import-download-rejected"
                    onClick={() =>
                      saveBlob(
                        new Blob(
                          [
                            rejectedCsv(
                              report.rejected.map((r) => ({ ...r, field: columnName(t, r.field) })),
                              (r) => ruleText(t, r as CountRejectedRow),
                            ),
                          ],
                          { type: 'text/csv' },
                        ),
                        'rejected-rows.csv',
                      )
                    }
                  >
                    {t('countFiles.import.downloadRejected')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('countFiles.import.close')}
          </Button>
          <Button disabled={!file} loading={run.isPending} onClick={() => run.mutate()} data-testid="count-import-run">
            {dryRun ? t('countFiles.import.check') : t('countFiles.import.run')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
