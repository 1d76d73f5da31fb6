// The back-office frame: navigation on the left, user and language at the top.
import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconBarcode, IconBuildingWarehouse, IconClipboardList, IconLogout, IconPackage, IconStack2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession, useSignOut } from '../features/auth/session';
import { LanguageSelect } from '../components/LanguageSelect';

const NAV = [
  { to: '/inventories', key: 'nav.inventories', icon: IconClipboardList },
  { to: '/items', key: 'nav.items', icon: IconPackage },
  { to: '/places', key: 'nav.places', icon: IconBuildingWarehouse },
  // System quantities are for managers: a counter on a blind inventory must not look them up here.
  { to: '/stock', key: 'nav.stock', icon: IconStack2, manager: true },
  { to: '/posting-errors', key: 'nav.postingErrors', icon: IconAlertTriangle, manager: true },
] as const;

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure();
  const { user } = useSession();
  const signOut = useSignOut();
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header bg="blue.9" c="white">
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" color="white" />
            <Text fw={700} size="lg">Inventur</Text>
            <Badge variant="light" color="gray" size="sm">{t('app.tagline')}</Badge>
          </Group>
          <Group gap="sm">
            <Button component={Link} to="/scan" size="xs" variant="white" leftSection={<IconBarcode size={16} />}>{t('nav.scan')}</Button>
            <LanguageSelect compact />
            <Text size="sm" data-testid="current-user">{user?.displayName || user?.username} · {user ? t(`roles.${user.role}`) : ''}</Text>
            <Button size="xs" variant="subtle" color="gray.0" onClick={() => void signOut()} leftSection={<IconLogout size={16} />}>{t('nav.signOut')}</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          {NAV.filter((n) => !('manager' in n) || user?.role !== 'counter').map((n) => (
            <NavLink key={n.to} component={Link} to={n.to} label={t(n.key)} leftSection={<n.icon size={18} />}
              active={pathname.startsWith(n.to) || (n.to === '/inventories' && pathname.startsWith('/count-lists'))} />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
