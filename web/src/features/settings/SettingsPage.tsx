// The settings screens, one per section of /settings/<section>: units, classification tables, transaction
// keys, numbering schemes, inventory types and accounting periods.
import { lazy, Suspense } from 'react';
import { Loader } from '@mantine/core';
import { Navigate, useParams } from 'react-router';

const SECTIONS = {
  units: lazy(() => import('./UnitsSection')),
  classifications: lazy(() => import('./ClassificationsSection')),
  'transaction-keys': lazy(() => import('./TransactionKeysSection')),
  numbering: lazy(() => import('./NumberingSection')),
  'inventory-types': lazy(() => import('./InventoryTypesSection')),
  periods: lazy(() => import('./PeriodsSection')),
  'reason-codes': lazy(() => import('./ReasonCodesSection')),
} as const;

export default function SettingsPage() {
  const { section } = useParams();
  const Section = section && section in SECTIONS ? SECTIONS[section as keyof typeof SECTIONS] : null;
  if (!Section) return <Navigate to="/settings/units" replace />;
  return (
    <Suspense fallback={<Loader size="sm" />}>
      <Section key={section} />
    </Suspense>
  );
}
