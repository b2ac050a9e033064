import { expect } from 'vitest';
import type { Harness, TestClient, TestResponse } from '../../test/harness.js';

let seq = 0;

/** A fresh, well-formed 10-digit registration code (prefix 6 keeps clear of the standard fixtures' 49…/27…). */
export function nextRegCode(): string {
  seq += 1;
  return `6${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(6, '0')}`;
}

/** A valid creation body in a commune; override any field. */
export function orgBody(communeId: number, o: Record<string, unknown> = {}) {
  return {
    kind: 'HTX',
    regCode: nextRegCode(),
    name: `Hợp tác xã Thử nghiệm ${++seq}`,
    communeId,
    foundedOn: '2021-03-01',
    registeredOn: '2021-03-10',
    vsicCode: '0111',
    charterCapital: 500_000_000,
    ...o,
  };
}

/** Creates an organisation through the API and returns the response body (fails the test on any other status). */
export async function createOrg(client: TestClient, communeId: number, o: Record<string, unknown> = {}) {
  const r = await client.post('/api/organisations', orgBody(communeId, o));
  expect(r.status, r.text).toBe(201);
  return r.body as {
    organisation: { id: number; version: number; regCode: string; name: string } & Record<string, unknown>;
    warnings: string[];
    possibleDuplicates: unknown[];
  };
}

/** Number of audit rows now (to check that a mutation writes exactly one). */
export async function auditCount(h: Harness): Promise<number> {
  const r = await h.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Asserts a problem+json error with its stable code. */
export function expectProblem(r: TestResponse, status: number, code: string) {
  expect(r.status, r.text).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body.code).toBe(code);
}

/** Sends a DELETE. */
export function del(client: TestClient, path: string) {
  return client.req('DELETE', path);
}
