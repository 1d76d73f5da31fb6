// Item master settings, one section per route (/item-settings/<section>): item classes with automatic coding,
// item templates, GS1 company prefix and EAN counters, lot and serial classes, price lists, in-house barcode
// rules with a "try a scan" box. Each section lists, creates and edits through the item-master API.
import { Navigate, useParams } from 'react-router';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ItemClasses } from './ItemClasses';
import { Templates } from './Templates';
import { Gs1Settings } from './Gs1Settings';
import { LotSerialClasses } from './LotSerialClasses';
import { PriceLists } from './PriceLists';
import { BarcodeRules } from './BarcodeRules';

const SECTIONS = {
  classes: { title: 'nav.itemClasses', Screen: ItemClasses },
  templates: { title: 'nav.templates', Screen: Templates },
  gs1: { title: 'nav.gs1', Screen: Gs1Settings },
  'lot-classes': { title: 'nav.lotClasses', Screen: LotSerialClasses },
  'price-lists': { title: 'nav.priceLists', Screen: PriceLists },
  'barcode-rules': { title: 'nav.barcodeRules', Screen: BarcodeRules },
} as const;
type Section = keyof typeof SECTIONS;

export default function ItemSettingsPage() {
  const { t } = useTranslation();
  const { section } = useParams();
  if (!section || !(section in SECTIONS)) return <Navigate to="/item-settings/classes" replace />;
  const { title, Screen } = SECTIONS[section as Section];
  return (
    <Stack data-testid={`item-settings-${section}`}>
      <div>
        <Title order={3}>{t(title)}</Title>
        <Text size="sm" c="dimmed" maw={900}>
          {t(`itemSettings.help.${section}`)}
        </Text>
      </div>
      <Screen />
    </Stack>
  );
}
