// What the database holds and what the set-up proposes (GET /api/setup, administrators only).
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client';
import type { SetupStatus } from './setupRules';

export const SETUP_KEY = ['/api/setup'] as const;

export function useSetupStatus(enabled = true) {
  return useQuery<SetupStatus>({ queryKey: SETUP_KEY, enabled, queryFn: () => unwrap(client.GET('/api/setup')) });
}
