// Places: sites, stock owners, warehouses, zones and bins — one tab each (the tab is kept in the URL,
// ?tab=bins); zones and bins share the selected warehouse.
import { useState } from 'react';
import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BinsTab } from './BinsTab';
import { CodeNameTab } from './CodeNameTab';
import { WarehousesTab } from './WarehousesTab';
import { ZonesTab } from './ZonesTab';

const TABS = ['sites', 'owners', 'warehouses', 'zones', 'bins'] as const;
type Tab = (typeof TABS)[number];

export default function PlacesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'warehouses';
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const label: Record<Tab, string> = {
    sites: t('places.sites'),
    owners: t('placesUi.owners'),
    warehouses: t('places.warehouses'),
    zones: t('places.zones'),
    bins: t('places.bins'),
  };
  return (
    <Stack>
      <Title order={3}>{t('nav.places')}</Title>
      <Tabs
        value={tab}
        onChange={(v) =>
          v &&
          setParams(
            (p) => {
              p.set('tab', v);
              return p;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`places-tab-${k}`}>
              {label[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="sites" pt="sm">
          <CodeNameTab path="/api/sites" />
        </Tabs.Panel>
        <Tabs.Panel value="owners" pt="sm">
          <CodeNameTab path="/api/owners" />
        </Tabs.Panel>
        <Tabs.Panel value="warehouses" pt="sm">
          <WarehousesTab />
        </Tabs.Panel>
        <Tabs.Panel value="zones" pt="sm">
          <ZonesTab warehouseId={warehouseId} onWarehouse={setWarehouseId} />
        </Tabs.Panel>
        <Tabs.Panel value="bins" pt="sm">
          <BinsTab warehouseId={warehouseId} onWarehouse={setWarehouseId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
