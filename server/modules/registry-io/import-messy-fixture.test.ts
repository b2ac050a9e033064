import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMessyFixture,
  FIXTURE_PATH,
  MANIFEST_PATH,
  type MessyManifest,
} from '../../../scripts/make-messy-fixture.js';
import {
  createHarness,
  type Harness,
  standardUsers,
  type TestClient,
  type TestResponse,
} from '../../test/harness.js';
import { dryRun } from './registry-io.test-support.js';

let h: Harness;
let officer: TestClient;
const manifest: MessyManifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));

beforeAll(async () => {
  h = await createHarness();
  await standardUsers(h);
  officer = await h.login('pofficer');
});
afterAll(() => h.close());

describe('import of the messy real-world fixture (scripts/make-messy-fixture.ts)', () => {
  // Expected figures come from the generator's manifest, never from the importer.
  const invalidRows = [...new Set(manifest.invalid.map((x) => x.row))].sort((a, b) => a - b);
  const expectedValid = manifest.dataRows - invalidRows.length;
  let dry: TestResponse;

  it('the checked-in manifest is what the generator produces', () => {
    expect(buildMessyFixture().manifest).toEqual(manifest);
    expect(manifest.dataRows).toBeGreaterThanOrEqual(2000);
    expect(new Set(manifest.invalid.map((x) => x.reason)).size).toBeGreaterThanOrEqual(10);
    // Both Vietnamese number forms of issue 3: "1.234.567" (grouping) and a decimal comma ("1.234,5").
    const accepted = manifest.decimalComma.filter((d) => !invalidRows.includes(d.row));
    expect(accepted.length).toBeGreaterThanOrEqual(50);
    expect(accepted.some((d) => /^\d{1,3}(\.\d{3})+,00$/.test(d.text))).toBe(true);
    expect(accepted.some((d) => /^\d+,0$/.test(d.text))).toBe(true);
    expect(manifest.invalid.filter((x) => x.reason === 'fractional_capital')).toHaveLength(6);
  });

  it('finds the header under the title rows and reads exactly the expected valid and invalid rows', async () => {
    dry = await dryRun(
      officer,
      'organisations',
      new Uint8Array(readFileSync(FIXTURE_PATH)),
      'DS HTX 2025.xlsx',
    );
    expect(dry.status, JSON.stringify(dry.body).slice(0, 500)).toBe(201);
    expect(dry.body.sheet).toMatchObject({
      name: 'DS HTX 2025',
      headerRow: manifest.headerRow,
      ignoredColumns: ['STT', 'Ghi chú'],
    });
    expect(dry.body.totals).toEqual({
      rows: manifest.dataRows,
      valid: expectedValid,
      invalid: invalidRows.length,
      insert: expectedValid,
      update: 0,
      unchanged: 0,
    });
    const reported = [...new Set<number>(dry.body.errors.map((e: { row: number }) => e.row))].sort(
      (a, b) => a - b,
    );
    expect(reported).toEqual(invalidRows);
  });

  it('reports each invalid row under the column the generator broke', () => {
    for (const bad of manifest.invalid) {
      const columns = dry.body.errors
        .filter((e: { row: number }) => e.row === bad.row)
        .map((e: { column: string }) => e.column);
      expect(columns, `row ${bad.row} (${bad.reason})`).toContain(bad.column);
    }
  });

  it('warns about formulas saved without a value, without rejecting their rows', () => {
    const warned = dry.body.warnings.filter((w: { message: string }) => w.message.includes('công thức'));
    expect(warned.map((w: { row: number; column: string }) => ({ row: w.row, column: w.column }))).toEqual(
      manifest.warnings,
    );
  });

  it('commits the valid rows only, reading every messy spelling to the same values', async () => {
    const r = await officer.post(`/api/registry/imports/${dry.body.jobId}/commit`, { mode: 'valid_only' });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ inserted: expectedValid, updated: 0, rejected: invalidRows.length });
    const stored = await h.database.db
      .selectFrom('organisation')
      .select(['reg_code', 'kind', 'name', 'founded_on', 'charter_capital', 'vsic_code', 'legal_rep_name'])
      .where('reg_code', 'like', '491%')
      .execute();
    expect(stored).toHaveLength(expectedValid);
    for (const o of stored) {
      expect(o.name).not.toMatch(/\u00a0| {2}|^ | $/);
      expect(o.legal_rep_name).not.toMatch(/\u00a0| $/);
      expect(o.founded_on).toMatch(/^20(0[5-9]|1\d|2[0-4])-\d{2}-\d{2}$/);
      expect(Number(o.charter_capital) % 1_000_000).toBe(0);
      expect(o.vsic_code).toMatch(/^\d{4}$/);
    }
    expect(new Set(stored.map((o) => o.kind))).toEqual(new Set(['HTX', 'THT', 'LHHTX']));
    // Decimal-comma capitals are read exactly: "150.000.000,00" and "150000000,0" are 150,000,000 đồng.
    const byCode = new Map(stored.map((o) => [o.reg_code, o.charter_capital]));
    const decimals = manifest.decimalComma.filter((d) => !invalidRows.includes(d.row));
    for (const d of decimals) expect(byCode.get(d.code), `row ${d.row}: "${d.text}"`).toBe(d.capital);
  });

  it('rejects a charter capital with a non-zero decimal part ("1.234,5" đồng) instead of rounding it', () => {
    const fractional = manifest.invalid.filter((x) => x.reason === 'fractional_capital');
    for (const bad of fractional) {
      const messages = dry.body.errors
        .filter((e: { row: number; column: string }) => e.row === bad.row && e.column === bad.column)
        .map((e: { message: string }) => e.message);
      expect(messages.join(' '), `row ${bad.row}`).toMatch(/số nguyên/);
    }
  });
});
