// Users (administrator): search by user or display name, filter by role and active, page through the list;
// create a user, change role, site and display name, reset a password, deactivate or reactivate.
import { useState } from 'react';
import { Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { notifyOk } from '../../components/errors';
import { UserCreateForm } from './UserCreateForm';
import { UserEditModal } from './UserEditModal';
import { ROLES, type Role, type User, useSiteOptions } from './userRules';

const ROLE_COLOR: Record<Role, string> = { admin: 'red', manager: 'blue', counter: 'teal' };

export default function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [active, setActive] = useState<'all' | 'true' | 'false'>('true');
  const [editing, setEditing] = useState<User | null>(null);
  const [creating, setCreating] = useState(false);
  const sites = useSiteOptions();
  const siteLabel = (id: string | null) =>
    id ? (sites.find((s) => s.value === id)?.label ?? id) : t('usersUi.allSites');
  const list = usePaged<User>('/api/users', {
    q: q.trim() || undefined,
    role: role ?? undefined,
    active: active === 'all' ? undefined : active,
  });
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('nav.users')}</Title>
        <Group gap="xs" wrap="wrap">
          <TextInput
            size="xs"
            w={220}
            leftSection={<IconSearch size={14} />}
            placeholder={t('usersUi.searchPlaceholder')}
            aria-label={t('usersUi.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            maxLength={80}
            data-testid="users-search"
          />
          <Select
            size="xs"
            w={160}
            clearable
            placeholder={t('usersUi.allRoles')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            data-testid="users-role-filter"
            aria-label={t('usersUi.role')}
          />
          <SegmentedControl
            size="xs"
            value={active}
            onChange={(v) => setActive(v as typeof active)}
            data-testid="users-active-filter"
            data={[
              { value: 'true', label: t('usersUi.active') },
              { value: 'false', label: t('usersUi.inactive') },
              { value: 'all', label: t('usersUi.all') },
            ]}
          />
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setCreating(true)}
            data-testid="users-new"
          >
            {t('usersUi.new')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('usersUi.help')}
      </Text>
      <VirtualTable
        rows={list.rows}
        rowKey={(u) => u.id}
        loading={list.loading}
        onEndReached={list.more}
        onRowClick={setEditing}
        testId="users-table"
        columns={[
          {
            key: 'username',
            header: t('usersUi.username'),
            width: 200,
            render: (u) => (
              <span className="mono" data-testid={`user-row-${u.username}`}>
                {u.username}
              </span>
            ),
          },
          { key: 'displayName', header: t('usersUi.displayName'), grow: 1, width: 200, render: (u) => u.displayName },
          {
            key: 'role',
            header: t('usersUi.role'),
            width: 140,
            render: (u) => (
              <Badge variant="light" color={ROLE_COLOR[u.role]}>
                {t(`roles.${u.role}`)}
              </Badge>
            ),
          },
          { key: 'site', header: t('usersUi.site'), width: 200, render: (u) => siteLabel(u.siteId) },
          {
            key: 'active',
            header: t('common.status'),
            width: 120,
            render: (u) => (u.active ? t('usersUi.active') : <Badge color="gray">{t('usersUi.inactive')}</Badge>),
          },
        ]}
      />
      {editing && <UserEditModal user={editing} onClose={() => setEditing(null)} />}
      <Modal opened={creating} onClose={() => setCreating(false)} size="lg" title={t('usersUi.new')}>
        {creating && (
          <UserCreateForm
            onCancel={() => setCreating(false)}
            onCreated={(u) => {
              notifyOk(t('usersUi.created', { name: u.username }));
              setCreating(false);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
