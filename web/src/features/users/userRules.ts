// Client-side rules of a user, mirroring the request schema of /api/users (src/api/routes/users.routes.ts):
// user name lowercase letters, digits, _ . @ - (1–64); password 12–256 characters (any letters, spaces and
// symbols), typed twice; display name at most 80. The server checks them again — and refuses common and
// breached passwords, which only it knows — and names the field when it refuses.
import type { TFunction } from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { rules } from '../../components/form';

export type User = ResponseOf<'/api/users/{id}', 'get'>;
export type Role = User['role'];
export const ROLES: readonly Role[] = ['admin', 'manager', 'counter'];
export const USERNAME = /^[a-z0-9_.@-]{1,64}$/;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const checkUsername = (t: TFunction) =>
  rules.all(rules.required(t), rules.pattern(t, USERNAME, t('usersUi.usernameHint')));
export const checkDisplayName = (t: TFunction) => rules.maxLength(t, 80);
export const checkPassword = (t: TFunction) => (v: unknown) => {
  const s = typeof v === 'string' ? v : '';
  if (s === '') return t('form.required');
  // Characters as people count them: an emoji is one.
  const length = [...s].length;
  if (length < PASSWORD_MIN) return t('usersUi.passwordShort', { min: PASSWORD_MIN });
  if (length > PASSWORD_MAX) return t('form.maxLength', { max: PASSWORD_MAX });
  return null;
};
export const checkConfirm = (t: TFunction) => (v: unknown, values: { password: string }) =>
  v !== values.password ? t('usersUi.passwordMismatch') : null;

/** Every site (a handful), for the site selects. */
export function useSiteOptions() {
  const q = useQuery({
    queryKey: ['/api/sites', 'options'],
    queryFn: () => api.get<Page<{ id: string; code: string; name: string }>>('/api/sites', { limit: 1000 }),
  });
  return (q.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }));
}
