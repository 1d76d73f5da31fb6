// The back-office frame: navigation on the left, user and language at the top.
import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBarcode, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession, useSignOut } from '../features/auth/session';
import { LanguageSelect } from '../components/LanguageSelect';
import { visibleNav } from './nav';


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
          {visibleNav(user?.role).map((g) => (
            <div key={g.key}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>{t(g.key)}</Text>
              {g.entries.map((n) => (
                <NavLink key={n.to} component={Link} to={n.to} label={t(n.key)} leftSection={<n.icon size={18} />} onClick={() => opened && toggle()}
                  active={pathname.startsWith(n.to) || (n.to === '/inventories' && pathname.startsWith('/count-lists'))} />
              ))}
            </div>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
