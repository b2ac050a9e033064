import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { assertPostgresVersion, MIN_POSTGRES_VERSION } from '../../bootstrap.js';
import { LATEST_MIGRATION } from '../../db/migrate.js';
import { createHarness, type Harness, TestClient } from '../../test/harness.js';

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

describe('GET /api/health called many times at once', () => {
  it('asks the database once for the calls that arrive while a check is under way, and again after it', async () => {
    let statements = 0;
    const counted = h.deps.db.withPlugin({
      transformQuery: (a) => {
        statements++;
        return a.node;
      },
      transformResult: async (a) => a.result,
    });
    const app = createApp({ ...h.deps, db: counted }, { webDist: null });
    const client = new TestClient({ ...h, app });
    // The first check on this database also reads the applied migration (once).
    expect((await client.get('/api/health')).status).toBe(200);
    const first = statements;
    expect(first).toBeGreaterThanOrEqual(1);
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.get('/api/health')));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(answers.every((r) => r.body.migration === LATEST_MIGRATION)).toBe(true);
    expect(statements - first).toBe(1);
    // Settled: the next call asks again.
    expect((await client.get('/api/health')).status).toBe(200);
    expect(statements - first).toBe(2);
  });
});

describe('GET /api/health when the database is down', () => {
  it('answers 503 health.database_unavailable instead of the cached migration', async () => {
    expect((await h.anonymous().get('/api/health')).status).toBe(200);
    const down = h.deps.db.withPlugin({
      transformQuery: () => {
        throw new Error('connection refused');
      },
      transformResult: async (a) => a.result,
    });
    const app = createApp({ ...h.deps, db: down }, { webDist: null });
    const r = await new TestClient({ ...h, app }).get('/api/health');
    expect(r.status).toBe(503);
    expect(r.body.code).toBe('health.database_unavailable');
  });
});

describe('the PostgreSQL version check at start', () => {
  it('accepts the server the tests run on (15 or newer) and says which version it found', async () => {
    const v = await assertPostgresVersion(h.database);
    expect(v).toBeGreaterThanOrEqual(MIN_POSTGRES_VERSION);
    expect(Math.floor(v / 10000)).toBeGreaterThanOrEqual(15);
  });
});
