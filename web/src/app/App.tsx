// Routes. The handheld page is loaded lazily so the back office bundle stays out of the phone's way and the
// other way round.
import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../features/auth/session';
import { LoginPage } from '../features/auth/LoginPage';
import { Shell } from './Shell';

const ScanPage = lazy(() => import('../scanner/ScanPage'));
const ItemsPage = lazy(() => import('../features/items/ItemsPage'));
const PlacesPage = lazy(() => import('../features/places/PlacesPage'));
const StockPage = lazy(() => import('../features/stock/StockPage'));
const PostingErrorsPage = lazy(() => import('../features/stock/PostingErrorsPage'));
const InventoriesPage = lazy(() => import('../features/inventories/InventoriesPage'));
const InventoryPage = lazy(() => import('../features/inventories/InventoryPage'));
const CountListPage = lazy(() => import('../features/countlists/CountListPage'));
const DifferencesPage = lazy(() => import('../features/differences/DifferencesPage'));
const SetupPage = lazy(() => import('../features/setup/SetupPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const ItemSettingsPage = lazy(() => import('../features/itemsettings/ItemSettingsPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const PostingsPage = lazy(() => import('../features/postings/PostingsPage'));
const ReservationsPage = lazy(() => import('../features/postings/ReservationsPage'));
const CyclePage = lazy(() => import('../features/cycle/CyclePage'));

const spinner = (
  <Center h="60vh">
    <Loader />
  </Center>
);

export function App() {
  const { user, loading } = useSession();
  if (loading) return spinner;
  if (!user) return <LoginPage />;
  return (
    <Suspense fallback={spinner}>
      <Routes>
        <Route path="/scan" element={<ScanPage />} />
        <Route element={<Shell />}>
          <Route index element={<Navigate to={user.role === 'counter' ? '/scan' : '/inventories'} replace />} />
          <Route path="/inventories" element={<InventoriesPage />} />
          <Route path="/inventories/:id" element={<InventoryPage />} />
          <Route path="/count-lists/:id" element={<CountListPage />} />
          <Route path="/inventories/:id/differences" element={<DifferencesPage />} />
          <Route path="/items" element={<ItemsPage />} />
          <Route path="/places" element={<PlacesPage />} />
          <Route path="/stock" element={<StockPage />} />
          <Route path="/posting-errors" element={<PostingErrorsPage />} />
          <Route path="/postings" element={<PostingsPage />} />
          <Route path="/reservations" element={<ReservationsPage />} />
          <Route path="/cycle-counting" element={<CyclePage />} />
          <Route path="/setup" element={<SetupPage />} />
          <Route path="/settings/:section?" element={<SettingsPage />} />
          <Route path="/item-settings/:section?" element={<ItemSettingsPage />} />
          <Route path="/users" element={<UsersPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
