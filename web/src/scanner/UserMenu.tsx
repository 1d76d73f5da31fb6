// The counter's menu on the handheld header: language and Sign out, so a shared device can change hands.
// Signing out is refused while reports wait in the outbox: they belong to this counter's session and must
// reach the server first (nothing counted is ever lost).
import { Alert, Button, Menu, Stack, Text } from '@mantine/core';
import { IconLogout, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../components/LanguageSelect';
import { useSession, useSignOut } from '../features/auth/session';

export function UserMenu({ waiting }: { waiting: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const signOut = useSignOut();
  const [refused, setRefused] = useState(false);
  return (
    <Menu position="bottom-end" closeOnItemClick={false} onClose={() => setRefused(false)} width={260}>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="subtle"
          c="white"
          leftSection={<IconUser size={16} />}
          aria-label={t('scanUi.userMenu')}
          data-testid="scan-user-menu"
        >
          <Text size="xs" truncate maw={110}>
            {user?.username}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap="xs" p="xs">
          <Text size="sm" fw={600}>
            {user?.displayName || user?.username}
          </Text>
          <LanguageSelect />
          {refused && (
            <Alert color="orange" p="xs" data-testid="sign-out-refused">
              {t('scanUi.signOutWaiting', { count: waiting })}
            </Alert>
          )}
          <Button
            leftSection={<IconLogout size={16} />}
            variant="light"
            color="red"
            data-testid="scan-sign-out"
            onClick={() => (waiting > 0 ? setRefused(true) : void signOut())}
          >
            {t('scanUi.signOut')}
          </Button>
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
}
