// The first-run setup gives a sample-method type the default sampling configuration, so an inventory of it can
// draw at once; a type of another method gets none.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_SAMPLING_CONFIG } from '../../src/domain/inventory/sampling/index.js';
import { testApi, type TestApi } from '../helpers/api.js';
import { makeOrg } from '../medium/inventory/generation-fixture.js';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
  await makeOrg(api.db);
}, 180_000);
afterAll(async () => {
  await api.close();
});

it('setup: SMP starts with the default sampling configuration, CYC with none', async () => {
  const keys = { adjustmentKey: 'ADJ', transferKey: 'TRF' };
  const res = await api.call('POST', '/api/setup/inventory-types', {
    types: [
      { code: 'CYC', method: 'continuous', reportType: 'cumulative', ...keys },
      { code: 'SMP', method: 'sample', ...keys },
    ],
  });
  expect(res.statusCode).toBe(201);
  const [cyc, smp] = res.json().types as { id: string }[];
  expect((await api.call('GET', `/api/inventory-types/${smp!.id}/sampling`)).json().config).toEqual(
    DEFAULT_SAMPLING_CONFIG,
  );
  expect((await api.call('GET', `/api/inventory-types/${cyc!.id}/sampling`)).json().config).toBeNull();
});
