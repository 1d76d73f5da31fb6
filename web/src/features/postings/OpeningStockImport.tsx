// Opening stock from a CSV or XLSX file: one receipt posting through the ledger (POST
// /api/item-master/import/opening-stock, the file as the body, its type in Content-Type). A dry run checks every
// row and writes nothing; every rejected row is listed with its line, column, field and translated reason.
import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, session, toApiError } from '../../api/client';
import { errorText } from '../../components/errors';
import { send } from '../../api/send';
import { codeName, useKeys, useSiteChoice, type OpeningStockReport, type RejectedRow } from './data';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const COLUMNS = [
  'itemCode',
  'warehouseCode',
  'zoneCode',
  'binCode',
  'lot',
  'serial',
  'expiryDate',
  'ownerCode',
  'quantity',
  'unitPrice',
] as const;
const REQUIRED = new Set(['itemCode', 'warehouseCode', 'ownerCode', 'quantity']);
const TEMPLATE = `${COLUMNS.join(',')}\nSCREW-M8,W1,A,01-01-01,,,,OWN1,120,0.15\nGLUE-1,W1,A,01-01-02,L2026-01,,2027-06-30,OWN1,12.5,4.20\n`;

/** The server's reason for a rejected row, translated by its code (the code itself is never shown). */
export function rowReason(t: TFunction, r: RejectedRow): string {
  return errorText(t, new ApiError(422, r.code, r.message, r.field));
}

async function upload(file: File, query: Record<string, string>): Promise<OpeningStockReport> {
  const type = /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv';
  const headers: Record<string, string> = { 'Content-Type': type };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  let res: Response;
  try {
    const body = type === XLSX ? await file.arrayBuffer() : await file.text();
    res = await send(`/api/item-master/import/opening-stock?${new URLSearchParams(query).toString()}`, {
      method: 'POST',
      headers,
      body,
    });
  } catch (e) {
    throw new ApiError(0, 'network.offline', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw await toApiError(res, json);
  return json as OpeningStockReport;
}

export function RejectedRows({ rows }: { rows: RejectedRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Table striped withTableBorder data-testid="import-rejected">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('postingsUi.import.line')}</Table.Th>
          <Table.Th>{t('postingsUi.import.column')}</Table.Th>
          <Table.Th>{t('postingsUi.import.field')}</Table.Th>
          <Table.Th>{t('postingsUi.import.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i} data-testid="import-rejected-row">
            <Table.Td>{r.line}</Table.Td>
            <Table.Td>{r.column ?? ''}</Table.Td>
            <Table.Td className="mono">{r.field}</Table.Td>
            <Table.Td>{rowReason(t, r)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function OpeningStockImport() {
  const { t } = useTranslation();
  const [chosenSite, setChosenSite] = useState<string | null>(null);
  const { siteId, sites, fixed } = useSiteChoice(chosenSite);
  const keys = useKeys('receipt');
  const [keyCode, setKeyCode] = useState<string | null>(null);
  const [postingDate, setPostingDate] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState<'dry' | 'post' | null>(null);
  const [report, setReport] = useState<OpeningStockReport | null>(null);

  const run = async (dryRun: boolean) => {
    const e: Record<string, string> = {};
    if (!siteId) e.siteId = t('form.required');
    if (!keyCode) e.keyCode = t('form.required');
    if (!file) e.file = t('form.required');
    else if (!/\.(csv|txt|xlsx)$/i.test(file.name)) e.file = t('postingsUi.import.fileType');
    setErrors(e);
    setGeneral(null);
    if (Object.keys(e).length > 0) return;
    setBusy(dryRun ? 'dry' : 'post');
    try {
      setReport(
        await upload(file!, {
          siteId: siteId!,
          keyCode: keyCode!,
          ...(postingDate ? { postingDate } : {}),
          ...(dryRun ? { dryRun: 'true' } : {}),
          ...(allOrNothing ? { allOrNothing: 'true' } : {}),
        }),
      );
    } catch (err) {
      setReport(null);
      const field = err instanceof ApiError ? err.field?.replace(/^(body|query|querystring)\./, '') : undefined;
      if (field && ['keyCode', 'siteId', 'postingDate'].includes(field)) setErrors({ [field]: errorText(t, err) });
      else setGeneral(errorText(t, err));
    } finally {
      setBusy(null);
    }
  };
  const template = useMemo(
    () =>
      typeof URL.createObjectURL === 'function'
        ? URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv' }))
        : null,
    [],
  );
  return (
    <Stack data-testid="opening-stock">
      <Text size="sm">{t('postingsUi.import.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        {!fixed && (
          <Select
            label={t('postingsUi.site')}
            data={sites.map((s) => ({ value: s.id, label: codeName(s) }))}
            value={siteId}
            onChange={setChosenSite}
            error={errors.siteId}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Select
          label={t('postingsUi.key')}
          withAsterisk
          allowDeselect={false}
          data-testid="import-key"
          value={keyCode}
          onChange={setKeyCode}
          error={errors.keyCode}
          data={(keys.data ?? []).map((k) => ({
            value: k.code,
            label: k.description ? `${k.code} · ${k.description}` : k.code,
          }))}
          comboboxProps={{ withinPortal: true }}
        />
        <DateInput
          label={t('postingsUi.postingDate')}
          description={t('postingsUi.import.dateDefault')}
          clearable
          valueFormat="L"
          value={postingDate}
          onChange={setPostingDate}
          error={errors.postingDate}
          data-testid="import-date"
        />
        <FileInput
          label={t('postingsUi.import.file')}
          withAsterisk
          accept=".csv,.txt,.xlsx,text/csv"
          value={file}
          onChange={setFile}
          error={errors.file}
          leftSection={<IconFileUpload size={16} />}
          clearable
          data-testid="import-file"
          placeholder={t('postingsUi.import.filePlaceholder')}
        />
      </SimpleGrid>
      <Checkbox
        label={t('postingsUi.import.allOrNothing')}
        checked={allOrNothing}
        onChange={(e) => setAllOrNothing(e.currentTarget.checked)}
        data-testid="import-all-or-nothing"
      />
      <Group>
        <Button
          variant="default"
          loading={busy === 'dry'}
          disabled={busy !== null}
          onClick={() => void run(true)}
          data-testid="import-dry-run"
        >
          {t('postingsUi.import.dryRun')}
        </Button>
        <Button
          loading={busy === 'post'}
          disabled={busy !== null}
          onClick={() => void run(false)}
          data-testid="import-submit"
        >
          {t('postingsUi.import.submit')}
        </Button>
        {template && (
          <Anchor href={template} download="opening-stock.csv" size="sm">
            <IconDownload size={14} /> {t('postingsUi.import.template')}
          </Anchor>
        )}
      </Group>
      {general && (
        <Alert color="red" data-testid="import-error">
          {general}
        </Alert>
      )}
      {report && <ImportReport report={report} />}
      <FormatDescription />
    </Stack>
  );
}

function ImportReport({ report }: { report: OpeningStockReport }) {
  const { t } = useTranslation();
  const color =
    report.status === 'posted' && report.rejected.length === 0
      ? 'green'
      : report.status === 'validated' && report.rejected.length === 0
        ? 'blue'
        : 'orange';
  return (
    <Stack gap="xs" data-testid="import-report" data-status={report.status}>
      <Alert color={color} title={t(`postingsUi.import.status.${report.status}`)}>
        {t('postingsUi.import.summary', {
          total: report.total,
          posted: report.posted,
          rejected: report.rejected.length,
        })}
        {report.status === 'parked' && (
          <Text size="sm" mt={4}>
            {t('postingsUi.parkedLocked')}{' '}
            <Anchor component={Link} to="/posting-errors">
              {t('postingsUi.toPostingErrors')}
            </Anchor>
          </Text>
        )}
      </Alert>
      <RejectedRows rows={report.rejected} />
    </Stack>
  );
}

function FormatDescription() {
  const { t } = useTranslation();
  return (
    <details>
      <summary>
        <Text span size="sm" fw={600}>
          {t('postingsUi.import.format')}
        </Text>
      </summary>
      <Text size="sm" my="xs">
        {t('postingsUi.import.formatIntro')}
      </Text>
      <Table withTableBorder data-testid="import-format">
        <Table.Tbody>
          {COLUMNS.map((c) => (
            <Table.Tr key={c}>
              <Table.Td className="mono">
                {c}
                {REQUIRED.has(c) ? ' *' : ''}
              </Table.Td>
              <Table.Td>{t(`postingsUi.import.col.${c}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
