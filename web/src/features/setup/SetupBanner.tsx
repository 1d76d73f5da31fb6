// Shown in the back-office frame to an administrator while the database has no site: a link to the first
// set-up. Right after signing in, the administrator is taken there once (per browser session), so a fresh
// install starts with the set-up instead of an empty inventories screen.
import { useEffect } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { useSetupStatus } from './useSetupStatus';

const LED_KEY = 'inventur.setupLed';

export function SetupBanner() {
  const { t } = useTranslation();
  const { user } = useSession();
  const admin = user?.role === 'admin';
  const status = useSetupStatus(admin);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const needed = admin && status.data?.needed === true;
  useEffect(() => {
    if (!needed || !user || pathname.startsWith('/setup')) return;
    if (sessionStorage.getItem(LED_KEY) === user.id) return;
    sessionStorage.setItem(LED_KEY, user.id);
    void navigate('/setup');
  }, [needed, user, pathname, navigate]);
  if (!needed || pathname.startsWith('/setup')) return null;
  return (
    <Alert color="blue" icon={<IconWand size={18} />} mb="md" data-testid="setup-banner">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">{t('setup.bannerText')}</Text>
        <Button component={Link} to="/setup" size="xs" data-testid="setup-banner-link">
          {t('setup.bannerLink')}
        </Button>
      </Group>
    </Alert>
  );
}

export default SetupBanner;
