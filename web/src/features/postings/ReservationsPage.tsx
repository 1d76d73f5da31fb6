// Reservations: open demand that holds quantity in a warehouse (zone/bin/lot narrow it). Filter by item,
// warehouse and status; create; release (cancel) or fulfil. "Check availability" has the server mark the open
// reservations stock no longer covers as "reserved quantity not available", shown in red.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Title } from '@mantine/core';
import { IconPlus, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { errorText, notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { useItemCodes } from '../../components/useItemCodes';
import {
  codeName,
  useOwners,
  useSiteChoice,
  useUnits,
  useWarehouses,
  useZones,
  type Item,
  type Reservation,
  type ReservationStatus,
} from './data';
import { ItemPicker } from './pickers';
import { ReservationForm } from './ReservationForm';

const STATUSES: ReservationStatus[] = ['open', 'not_available', 'fulfilled', 'cancelled'];
const COLOR: Record<ReservationStatus, string> = {
  open: 'blue',
  not_available: 'red',
  fulfilled: 'green',
  cancelled: 'gray',
};

export default function ReservationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [chosenSite, setChosenSite] = useState<string | null>(null);
  const { siteId, sites, fixed } = useSiteChoice(chosenSite);
  const warehouses = useWarehouses(siteId);
  const zones = useZones(siteId);
  const owners = useOwners();
  const units = useUnits();
  const [item, setItem] = useState<Item | null>(null);
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>('open');
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const list = usePaged<Reservation>('/api/reservations', { siteId, itemId: item?.id, warehouseId, status }, 500);
  const itemCode = useItemCodes(
    list.rows.map((r) => r.itemId),
    item ? new Map([[item.id, item.code]]) : undefined,
  );
  const whList = warehouses.data ?? [];
  const zoneList = zones.data ?? [];
  const place = (r: Reservation) =>
    [
      whList.find((w) => w.id === r.warehouseId)?.code ?? r.warehouseId,
      r.zoneId ? (zoneList.find((z) => z.id === r.zoneId)?.code ?? r.zoneId) : null,
      r.binId ? `#${r.binId}` : null,
    ]
      .filter(Boolean)
      .join(' / ');
  const act = async (r: Reservation, what: 'cancel' | 'fulfil') => {
    setBusy(`${what}-${r.id}`);
    try {
      await api.post(`/api/reservations/${r.id}/${what}`);
      notifyOk(t(what === 'cancel' ? 'postingsUi.res.cancelDone' : 'postingsUi.res.fulfilDone'));
      await list.refetch();
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(null);
    }
  };
  const check = async () => {
    setBusy('check');
    try {
      const res = await api.post<{ notAvailable: string[] }>(
        '/api/reservations/check',
        warehouseId ? { warehouseIds: [warehouseId] } : {},
      );
      notifyOk(t('postingsUi.res.checked', { count: res.notAvailable.length }));
      await list.refetch();
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('nav.reservations')}</Title>
        <Group>
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            loading={busy === 'check'}
            onClick={() => void check()}
            data-testid="res-check"
          >
            {t('postingsUi.res.check')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="res-new">
            {t('postingsUi.res.new')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end">
        {!fixed && (
          <Select
            w={200}
            label={t('postingsUi.site')}
            data={sites.map((s) => ({ value: s.id, label: codeName(s) }))}
            value={siteId}
            onChange={setChosenSite}
          />
        )}
        <div style={{ width: 300 }}>
          <ItemPicker label={t('postingsUi.item')} testId="res-filter-item" value={item} onChange={setItem} />
        </div>
        <Select
          w={220}
          label={t('postingsUi.warehouse')}
          clearable
          placeholder={t('stock.allWarehouses')}
          data-testid="res-filter-warehouse"
          data={whList.map((w) => ({ value: w.id, label: codeName(w) }))}
          value={warehouseId}
          onChange={setWarehouseId}
        />
        <Select
          w={240}
          label={t('common.status')}
          clearable
          placeholder={t('postingsUi.res.allStatuses')}
          data-testid="res-filter-status"
          data={STATUSES.map((s) => ({ value: s, label: t(`postingsUi.res.status.${s}`) }))}
          value={status}
          onChange={setStatus}
        />
      </Group>
      {list.error ? (
        <Alert color="red">{errorText(t, list.error)}</Alert>
      ) : (
        <VirtualTable
          rows={list.rows}
          rowKey={(r) => r.id}
          loading={list.loading}
          onEndReached={list.more}
          testId="reservations"
          columns={[
            {
              key: 'item',
              header: t('postingsUi.item'),
              width: 160,
              grow: 1,
              render: (r) => <span className="mono">{itemCode(r.itemId)}</span>,
            },
            {
              key: 'place',
              header: t('postingsUi.place'),
              width: 170,
              render: (r) => <span className="mono">{place(r)}</span>,
            },
            { key: 'lot', header: t('postingsUi.lot'), width: 100, render: (r) => r.lot },
            { key: 'serial', header: t('postingsUi.serial'), width: 100, render: (r) => r.serial },
            {
              key: 'qty',
              header: t('postingsUi.quantity'),
              width: 110,
              align: 'right',
              render: (r) => fmt.quantity(r.quantity),
            },
            { key: 'ref', header: t('postingsUi.res.reference'), width: 150, render: (r) => r.reference },
            {
              key: 'status',
              header: t('common.status'),
              width: 230,
              render: (r) => (
                <Badge
                  color={COLOR[r.status]}
                  variant={r.status === 'not_available' ? 'filled' : 'light'}
                  data-testid={`res-status-${r.id}`}
                >
                  {t(`postingsUi.res.status.${r.status}`)}
                </Badge>
              ),
            },
            {
              key: 'act',
              header: '',
              width: 200,
              render: (r) => (
                <Group gap={4} wrap="nowrap">
                  {r.status === 'open' && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="green"
                      loading={busy === `fulfil-${r.id}`}
                      aria-label={t('postingsUi.res.fulfilN', { id: r.id })}
                      onClick={() => void act(r, 'fulfil')}
                    >
                      {t('postingsUi.res.fulfil')}
                    </Button>
                  )}
                  {(r.status === 'open' || r.status === 'not_available') && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      loading={busy === `cancel-${r.id}`}
                      aria-label={t('postingsUi.res.cancelN', { id: r.id })}
                      onClick={() => void act(r, 'cancel')}
                    >
                      {t('postingsUi.res.cancel')}
                    </Button>
                  )}
                </Group>
              ),
            },
          ]}
        />
      )}
      {creating && (
        <ReservationForm
          opened={creating}
          onClose={() => setCreating(false)}
          siteId={siteId}
          warehouses={whList}
          zones={zoneList}
          owners={owners.data ?? []}
          units={new Map((units.data ?? []).map((u) => [u.code, u]))}
          onCreated={() => {
            setCreating(false);
            notifyOk(t('postingsUi.res.created'));
            void list.refetch();
          }}
        />
      )}
    </Stack>
  );
}
