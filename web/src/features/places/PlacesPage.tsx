// Places: sites, warehouses, zones, bins — one tab each, the child tables filtered by the selected parent.
import { useState } from 'react';
import { Badge, Button, Group, Modal, Select, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Bin, Site, Warehouse, Zone } from '../../api/models';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { notifyError, notifyOk } from '../../components/errors';

export default function PlacesPage() {
  const { t } = useTranslation();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [zoneId, setZoneId] = useState<string | null>(null);
  const sites = usePaged<Site>('/api/sites');
  const warehouses = usePaged<Warehouse>('/api/warehouses');
  const zones = usePaged<Zone>('/api/zones', { warehouseId: warehouseId ?? undefined });
  const bins = usePaged<Bin>('/api/bins', { warehouseId: warehouseId ?? undefined, zoneId: zoneId ?? undefined }, 500);
  const [creating, setCreating] = useState<'sites' | null>(null);

  const codeName = <T extends { id: string; code: string; name: string }>(): Column<T>[] => [
    { key: 'code', header: t('common.code'), width: 140, render: (r) => <span className="mono">{r.code}</span> },
    { key: 'name', header: t('common.name'), grow: 1, width: 200, render: (r) => r.name },
  ];
  const whOptions = warehouses.rows.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }));
  return (
    <Stack>
      <Title order={3}>{t('nav.places')}</Title>
      <Tabs defaultValue="warehouses" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sites">{t('places.sites')}</Tabs.Tab>
          <Tabs.Tab value="warehouses">{t('places.warehouses')}</Tabs.Tab>
          <Tabs.Tab value="zones">{t('places.zones')}</Tabs.Tab>
          <Tabs.Tab value="bins">{t('places.bins')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sites" pt="sm">
          <Group mb="sm"><Button size="xs" onClick={() => setCreating('sites')}>{t('common.new')}</Button></Group>
          <VirtualTable rows={sites.rows} columns={codeName<Site>()} rowKey={(r) => r.id} loading={sites.loading} />
        </Tabs.Panel>
        <Tabs.Panel value="warehouses" pt="sm">
          <VirtualTable rows={warehouses.rows} rowKey={(r) => r.id} loading={warehouses.loading} columns={[...codeName<Warehouse>(),
            { key: 'kind', header: t('places.kind'), width: 130, render: (r) => <Badge variant="light">{t(`warehouseKind.${r.kind}`, { defaultValue: r.kind ?? '' })}</Badge> }]} />
        </Tabs.Panel>
        <Tabs.Panel value="zones" pt="sm">
          <Select mb="sm" w={320} clearable placeholder={t('places.allWarehouses')} data={whOptions} value={warehouseId} onChange={setWarehouseId} />
          <VirtualTable rows={zones.rows} rowKey={(r) => r.id} loading={zones.loading} columns={[...codeName<Zone>(),
            { key: 'org', header: t('places.organisation'), width: 140, render: (r) => r.organisation ?? '' },
            { key: 'str', header: t('places.structured'), width: 110, render: (r) => (r.structured ? t('common.yes') : t('common.no')) },
            { key: 'usage', header: t('places.usage'), width: 180, render: (r) => (r.usage === 'inventory_differences' ? <Badge color="orange">{t('places.differences')}</Badge> : '') }]} />
        </Tabs.Panel>
        <Tabs.Panel value="bins" pt="sm">
          <Group mb="sm">
            <Select w={320} clearable placeholder={t('places.allWarehouses')} data={whOptions} value={warehouseId} onChange={(v) => { setWarehouseId(v); setZoneId(null); }} />
            <Select w={240} clearable placeholder={t('places.allZones')} data={zones.rows.map((z) => ({ value: z.id, label: z.code }))} value={zoneId} onChange={setZoneId} />
          </Group>
          <VirtualTable rows={bins.rows} rowKey={(r) => r.id} loading={bins.loading} onEndReached={bins.more} columns={[
            { key: 'code', header: t('places.bin'), width: 140, render: (r) => <span className="mono">{r.code}</span> },
            { key: 'aisle', header: t('places.aisle'), width: 80, render: (r) => r.aisle ?? '' },
            { key: 'row', header: t('places.row'), width: 80, render: (r) => r.row ?? '' },
            { key: 'level', header: t('places.level'), width: 80, render: (r) => r.level ?? '' },
            { key: 'place', header: t('places.place'), width: 80, render: (r) => r.place ?? '' },
            { key: 'barcode', header: t('places.barcode'), grow: 1, width: 160, render: (r) => r.barcode ?? '' },
            { key: 'blocked', header: t('places.blocked'), width: 90, render: (r) => (r.blocked ? <Badge color="red">{t('places.blocked')}</Badge> : '') },
          ]} />
        </Tabs.Panel>
      </Tabs>
      <CreateCodeName path="/api/sites" opened={creating === 'sites'} onClose={() => setCreating(null)} />
    </Stack>
  );
}

function CreateCodeName({ path, opened, onClose }: { path: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const m = useMutation({
    mutationFn: () => api.post(path, { code, name }),
    onSuccess: () => { notifyOk(t('common.saved')); void qc.invalidateQueries({ queryKey: [path] }); onClose(); },
    onError: (e) => notifyError(t, e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('common.new')}>
      <Stack>
        <TextInput label={t('common.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        <TextInput label={t('common.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Button onClick={() => m.mutate()} loading={m.isPending}>{t('common.save')}</Button>
      </Stack>
    </Modal>
  );
}
