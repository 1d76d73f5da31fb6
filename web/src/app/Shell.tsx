// The back-office frame: navigation on the left, user and language at the top. On a phone (below `sm`) the
// navigation, language and Sign out move into the burger's drawer, so a shared device can always change hands.
import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBarcode, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession, useSignOut } from '../features/auth/session';
import { LanguageSelect } from '../components/LanguageSelect';
import { SetupBanner } from '../features/setup/SetupBanner';
import { visibleNav } from './nav';

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure();
  const { user } = useSession();
  const signOut = useSignOut();
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header bg="blue.9" c="white">
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" color="white" />
            <Text fw={700} size="lg">
              Inventur
            </Text>
            <Badge variant="light" color="gray" size="sm" visibleFrom="md">
              {t('app.tagline')}
            </Badge>
          </Group>
          <Group gap="sm">
            <Button component={Link} to="/scan" size="xs" variant="white" leftSection={<IconBarcode size={16} />}>
              {t('nav.scan')}
            </Button>
            <Group gap="sm" visibleFrom="sm" wrap="nowrap">
              <LanguageSelect compact />
              <Text size="sm" data-testid="current-user" truncate maw={220}>
                {user?.displayName || user?.username} · {user ? t(`roles.${user.role}`) : ''}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                color="gray.0"
                onClick={() => void signOut()}
                leftSection={<IconLogout size={16} />}
              >
                {t('nav.signOut')}
              </Button>
            </Group>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack
          gap="xs"
          hiddenFrom="sm"
          pb="xs"
          mb="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text size="sm" fw={600} data-testid="current-user-mobile">
            {user?.displayName || user?.username} · {user ? t(`roles.${user.role}`) : ''}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <LanguageSelect compact />
            <Button
              size="xs"
              variant="light"
              color="gray"
              onClick={() => void signOut()}
              leftSection={<IconLogout size={16} />}
              data-testid="sign-out-mobile"
            >
              {t('nav.signOut')}
            </Button>
          </Group>
        </Stack>
        <ScrollArea>
          {visibleNav(user?.role).map((g) => (
            <div key={g.key}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                {t(g.key)}
              </Text>
              {g.entries.map((n) => (
                <NavLink
                  key={n.to}
                  component={Link}
                  to={n.to}
                  label={t(n.key)}
                  leftSection={<n.icon size={18} />}
                  onClick={() => opened && toggle()}
                  active={pathname.startsWith(n.to) || (n.to === '/inventories' && pathname.startsWith('/count-lists'))}
                />
              ))}
            </div>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <SetupBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
