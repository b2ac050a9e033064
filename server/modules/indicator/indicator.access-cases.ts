/**
 * Access-matrix cases of the indicator routes (shape in server/test/access-cases.ts). Targets: own = the commune
 * Đồng Đăng (or the province Lạng Sơn for what belongs to a province), sibling = another commune of Lạng Sơn,
 * other = a commune (or the province) of Ninh Bình, nation = no unit (national figures and indicators).
 */
import type { MatrixCases, MatrixFixtures, MatrixTarget } from '../../test/access-cases.js';
import type { Harness } from '../../test/harness.js';

let seq = 0;
let years = 0;
const unitOf = (t: MatrixTarget, fx: MatrixFixtures) =>
  t === 'own' ? fx.dongDang : t === 'sibling' ? fx.sibling : t === 'other' ? fx.otherCommune : null;
const provinceOf = (t: MatrixTarget, fx: MatrixFixtures) =>
  t === 'other' ? fx.ninhBinh : t === 'nation' ? null : fx.langSon;
const unitQuery = (t: MatrixTarget, fx: MatrixFixtures) => {
  const u = unitOf(t, fx);
  return u === null ? '' : `unitId=${u}&`;
};

/** A manual figure lying in the target (a new one per call: a delete consumes it). */
async function manualValue(h: Harness, t: MatrixTarget, fx: MatrixFixtures): Promise<number> {
  const r = await h.database.db
    .insertInto('indicator_manual_value')
    .values({
      indicator_key: 'manual_grdp_share',
      unit_id: unitOf(t, fx),
      province_id: provinceOf(t, fx),
      year: 1990 + (years++ % 111),
      value: '0.5',
      source: 'Cục Thống kê',
      note: null,
      entered_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** An officer-defined indicator belonging to the target's province (null for the nation), new per call. */
async function customIndicator(
  h: Harness,
  t: MatrixTarget,
  fx: MatrixFixtures,
): Promise<{ id: number; version: number }> {
  return h.database.db
    .insertInto('indicator_definition')
    .values({
      key: `matrix_${process.pid}_${++seq}`,
      name_vi: 'Chỉ số thử',
      name_en: 'Test',
      definition_vi: 'Định nghĩa',
      definition_en: 'Definition',
      unit: 'HTX',
      spec: JSON.stringify({
        source: 'organisations',
        filter: { kinds: ['HTX'] },
        measure: { type: 'count' },
      }),
      province_id: provinceOf(t, fx),
      created_by: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

const spec = {
  source: 'reports',
  filter: { kinds: ['HTX'] },
  measure: { type: 'share', where: { all: ['value_chain'] } },
};
const definition = {
  name: { vi: 'Tỷ lệ HTX trong chuỗi', en: 'Share in chains' },
  definition: { vi: 'Định nghĩa thử', en: 'A test definition' },
  unit: '%',
  spec,
};

export const indicatorCases: MatrixCases = {
  'indicators.list': () => ({ method: 'GET', path: '/api/indicators' }),
  'indicators.value': (t, fx) => ({
    method: 'GET',
    path: `/api/indicators/htx_count/value?${unitQuery(t, fx)}date=2025-06-30`,
  }),
  'indicators.organisations': (t, fx) => ({
    method: 'GET',
    path: `/api/indicators/htx_count/organisations?${unitQuery(t, fx)}date=2025-06-30&pageSize=5`,
  }),
  'indicators.manual.list': () => ({
    method: 'GET',
    path: '/api/indicator-values?indicatorKey=manual_grdp_share',
  }),
  'indicators.manual.create': (t, fx) => ({
    method: 'POST',
    path: '/api/indicator-values',
    body: {
      indicatorKey: 'manual_population_share',
      unitId: unitOf(t, fx),
      year: 2000 + (++seq % 90),
      value: 12.5,
      source: 'Niên giám thống kê',
    },
  }),
  'indicators.manual.update': async (t, fx, h) => ({
    method: 'PATCH',
    path: `/api/indicator-values/${await manualValue(h, t, fx)}`,
    body: { value: 0.7, version: 1 },
  }),
  'indicators.manual.delete': async (t, fx, h) => ({
    method: 'DELETE',
    path: `/api/indicator-values/${await manualValue(h, t, fx)}`,
  }),
  'indicators.custom.create': (t, fx) => ({
    method: 'POST',
    path: '/api/indicators/custom',
    body: { ...definition, provinceId: provinceOf(t, fx) },
  }),
  'indicators.custom.update': async (t, fx, h) => {
    const c = await customIndicator(h, t, fx);
    return {
      method: 'PATCH',
      path: `/api/indicators/custom/${c.id}`,
      body: { ...definition, version: c.version },
    };
  },
  'indicators.custom.delete': async (t, fx, h) => ({
    method: 'DELETE',
    path: `/api/indicators/custom/${(await customIndicator(h, t, fx)).id}`,
  }),
  'indicators.preview': (t, fx) => ({
    method: 'POST',
    path: '/api/indicators/preview',
    body: { spec, unitId: unitOf(t, fx), date: '2025-06-30' },
  }),
};
