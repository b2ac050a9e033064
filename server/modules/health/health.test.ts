import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_MIGRATION } from '../../db/migrate.js';
import { createHarness, type Harness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('GET /api/health', () => {
  it('reports the database kind and the latest migration', async () => {
    const r = await h.anonymous().get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(r.body.migration).toBe(LATEST_MIGRATION);
  });
});
