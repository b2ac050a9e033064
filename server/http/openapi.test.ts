import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';
import { declaredRoutes } from './route.js';

let h: Harness;
/** The parts of the OpenAPI document these tests read. */
interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId?: string }>>;
}
let doc: OpenApiDoc;

beforeAll(async () => {
  h = await createHarness();
  const r = await h.anonymous().get('/api/openapi.json');
  expect(r.status).toBe(200);
  doc = r.body;
});
afterAll(() => h.close());

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1.0 document served as JSON without signing in', async () => {
    const r = await h.anonymous().get('/api/openapi.json');
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'HopTac API' });
    expect(typeof doc.paths).toBe('object');
  });

  it('describes every declared route under its path and method, with its id as operationId', () => {
    const routes = declaredRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const r of routes) {
      const path = r.path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      if (!op) missing.push(`${r.method} ${path}`);
      else expect(op.operationId, `${r.method} ${path}`).toBe(r.id);
    }
    expect(missing).toEqual([]);
  });

  it('declares nothing that is not a declared route', () => {
    const declared = new Set(
      declaredRoutes().map((r) => `${r.method} ${r.path.replace(/:([A-Za-z_]\w*)/g, '{$1}')}`),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.filter((d) => !declared.has(d))).toEqual([]);
  });

  it('matches the reviewed snapshot (update with `npx vitest run -u` when the API changes on purpose)', async () => {
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/openapi.json');
  });
});

describe('GET /api/docs', () => {
  it('serves a Swagger UI page whose scripts and styles come from this server, not a CDN', async () => {
    const r = await h.anonymous().get('/api/docs');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toContain('src="/api/docs/assets/swagger-ui-bundle.js"');
    const refs = [...r.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    expect(refs.filter((x) => !x.startsWith('/api/docs/assets/'))).toEqual([]);
    // The CSP allows only same-origin scripts: no inline script may be needed.
    expect(r.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('serves the Swagger UI bundle and its initialiser locally', async () => {
    const bundle = await h.anonymous().get('/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(bundle.text).toContain('SwaggerUIBundle');
    const init = await h.anonymous().get('/api/docs/assets/docs-init.js');
    expect(init.status).toBe(200);
    expect(init.text).toContain("'/api/openapi.json'");
    const css = await h.anonymous().get('/api/docs/assets/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers 404 for any other asset name, including path tricks', async () => {
    for (const name of ['index.html', '..%2Fpackage.json', 'swagger-ui-bundle.js.map']) {
      const r = await h.anonymous().get(`/api/docs/assets/${name}`);
      expect(r.status, name).toBe(404);
    }
  });
});
