// "Add found item": an item counted that is not on the sheet. Item searched on the server, the place chosen
// among the list's own places (bin lists count per bin), lot/serial when the item is managed so, quantity.
// The server adds the position to the list as found (or refuses with the list that counts it).
import { useMemo, useState } from 'react';
import { Alert, Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import type { CountList, CountListItem, Warehouse, Zone } from '../../api/models';
import { errorText, notifyOk } from '../../components/errors';
import { ItemPicker } from '../postings/pickers';
import type { Item } from '../postings/data';
import { type EntryMode, type ReportResult, checkQuantity, newReportId, reportBody } from './entry';

interface Props {
  list: CountList;
  rows: CountListItem[];
  mode: EntryMode;
  decimals: Map<string, number>;
  onAdded: () => void;
}

interface Place {
  key: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  binCode: string | null;
}

/** The distinct places of the list's counted lines, in sheet order. */
export function placesOf(rows: CountListItem[]): Place[] {
  const seen = new Map<string, Place>();
  for (const r of rows) {
    if (r.informational) continue;
    const key = `${r.warehouseId}/${r.zoneId ?? ''}/${r.binId ?? ''}`;
    if (!seen.has(key))
      seen.set(key, { key, warehouseId: r.warehouseId, zoneId: r.zoneId, binId: r.binId, binCode: r.binCode });
  }
  return [...seen.values()];
}

export function FoundItemRow({ list, rows, mode, decimals, onAdded }: Props) {
  const { t } = useTranslation();
  const places = useMemo(() => placesOf(rows), [rows]);
  const whs = useQuery({
    queryKey: ['/api/warehouses', 'all'],
    staleTime: 300_000,
    queryFn: () => api.get<Page<Warehouse>>('/api/warehouses', { limit: 1000 }),
  });
  const zones = useQuery({
    queryKey: ['/api/zones', 'of', list.warehouseId],
    staleTime: 300_000,
    queryFn: () =>
      api.get<Page<Zone>>('/api/zones', {
        limit: 1000,
        ...(list.warehouseId ? { warehouseId: list.warehouseId } : {}),
      }),
  });
  const [item, setItem] = useState<Item | null>(null);
  const [placeKey, setPlaceKey] = useState<string | null>(null);
  const [lot, setLot] = useState('');
  const [serial, setSerial] = useState('');
  const [quantity, setQuantity] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [reportId, setReportId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fresh = () => {
    setReportId(null);
    setGeneral(null);
  };

  const label = (p: Place) => {
    const wh = whs.data?.items.find((w) => w.id === p.warehouseId)?.code ?? '';
    const zone = p.zoneId ? (zones.data?.items.find((z) => z.id === p.zoneId)?.code ?? '') : '';
    return [wh, zone, p.binCode ?? ''].filter(Boolean).join(' / ');
  };
  const place = places.find((p) => p.key === placeKey) ?? (places.length === 1 ? places[0] : undefined);
  const lotNeeded = !!item && item.lotManagement !== 'no';
  const serialNeeded = !!item?.serialManagement;

  async function add() {
    const e: Record<string, string> = {};
    if (!item) e.item = t('form.required');
    if (!place) e.place = t('form.required');
    if (lotNeeded && !lot.trim()) e.lot = t('form.required');
    if (serialNeeded && !serial.trim()) e.serial = t('form.required');
    const q = quantity.trim();
    const qMsg =
      q === ''
        ? t('form.required')
        : checkQuantity(t, q, {
            decimals: item ? decimals.get(item.primaryUnit) : undefined,
            mode: 'replace',
            serial: serialNeeded,
            previous: null,
          });
    if (qMsg) e.quantity = qMsg;
    setErrors(e);
    if (Object.keys(e).length || !item || !place) return;
    const id = reportId ?? newReportId();
    setReportId(id);
    setBusy(true);
    try {
      const body = reportBody(
        {
          itemId: item.id,
          warehouseId: place.warehouseId,
          zoneId: place.zoneId,
          binId: place.binId,
          lot: lotNeeded ? lot.trim() : '',
          serial: serialNeeded ? serial.trim() : '',
        },
        q,
        mode,
        id,
      );
      const r = await api.post<ReportResult>(`/api/count-lists/${list.id}/reports`, body);
      if (r.status !== 'recorded') throw new Error(t('countEntry.decisionNeeded'));
      notifyOk(
        r.added
          ? t('countEntry.foundAdded', { line: r.item.lineNo })
          : t('countEntry.foundOnLine', { line: r.item.lineNo }),
      );
      setItem(null);
      setLot('');
      setSerial('');
      setQuantity('');
      setReportId(null);
      setGeneral(null);
      onAdded();
    } catch (err) {
      setGeneral(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm" data-testid="found-item">
      <Text fw={600} size="sm" mb={6}>
        {t('countEntry.foundTitle')}
      </Text>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <div style={{ width: 300 }}>
          <ItemPicker
            label={t('countEntry.item')}
            value={item}
            onChange={(v) => {
              setItem(v);
              fresh();
            }}
            error={errors.item}
            testId="found-item-pick"
          />
        </div>
        <Select
          label={list.countType === 'bin' ? t('places.bin') : t('countEntry.place')}
          w={220}
          searchable
          data-testid="found-place"
          error={errors.place}
          data={places.map((p) => ({ value: p.key, label: label(p) }))}
          value={place?.key ?? null}
          onChange={(v) => {
            setPlaceKey(v);
            fresh();
          }}
          comboboxProps={{ withinPortal: true }}
        />
        {lotNeeded && (
          <TextInput
            label={t('countEntry.lot')}
            w={140}
            value={lot}
            error={errors.lot}
            onChange={(e) => {
              setLot(e.currentTarget.value);
              fresh();
            }}
            data-testid="found-lot"
            maxLength={40}
          />
        )}
        {serialNeeded && (
          <TextInput
            label={t('countEntry.serial')}
            w={160}
            value={serial}
            error={errors.serial}
            onChange={(e) => {
              setSerial(e.currentTarget.value);
              fresh();
            }}
            data-testid="found-serial"
            maxLength={60}
          />
        )}
        <TextInput
          label={`${t('countEntry.counted')}${item ? ` (${item.primaryUnit})` : ''}`}
          w={130}
          value={quantity}
          error={errors.quantity}
          inputMode="decimal"
          onChange={(e) => {
            setQuantity(e.currentTarget.value);
            fresh();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
          data-testid="found-qty"
        />
        <Button mt={24} onClick={() => void add()} loading={busy} data-testid="found-add">
          {t('countEntry.foundAdd')}
        </Button>
      </Group>
      {general && (
        <Alert color="red" mt="sm" data-testid="found-error">
          {general}
        </Alert>
      )}
    </Paper>
  );
}
