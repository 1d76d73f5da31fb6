// The signed-in user. The token and the last known user are kept in localStorage so the handheld page opens
// offline; a 401 from any call signs out (client.ts clears the token).
import { useSyncExternalStore } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, client, session, unwrap } from '../../api/client';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: 'admin' | 'manager' | 'counter';
  siteId: string | null;
  active: boolean;
}

const USER_KEY = 'inventur.user';

function cachedUser(): User | null {
  try {
    const raw = localStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as User) : null;
  } catch {
    return null;
  }
}

export function useSession(): { user: User | null; loading: boolean } {
  const token = useSyncExternalStore(session.subscribe, () => session.token);
  const q = useQuery({
    queryKey: ['me', token],
    enabled: !!token,
    retry: false,
    queryFn: async () => {
      try {
        const me = (await unwrap(client.GET('/api/auth/me'))) as User;
        localStorage.setItem(USER_KEY, JSON.stringify(me));
        return me;
      } catch (e) {
        // Offline: carry on as the last known user; the server decides again when the network is back.
        if (e instanceof ApiError && e.offline) return cachedUser();
        throw e;
      }
    },
  });
  if (!token) return { user: null, loading: false };
  return { user: q.data ?? null, loading: q.isPending };
}

export async function signIn(username: string, password: string): Promise<User> {
  const r = await unwrap(client.POST('/api/auth/login', { body: { username, password } }));
  localStorage.setItem(USER_KEY, JSON.stringify(r.user));
  session.set(r.token);
  return r.user as User;
}

export function useSignOut(): () => Promise<void> {
  const qc = useQueryClient();
  return async () => {
    try {
      await unwrap(client.POST('/api/auth/logout'));
    } catch {
      // Signing out locally is what matters.
    }
    localStorage.removeItem(USER_KEY);
    session.set(null);
    qc.clear();
  };
}
