import { type CommuneRef, communeNameKey, provinceNameKey, type UnitLookups } from './unit-lookups.js';

/** The commune a row names, or the column and message of why it cannot be resolved. */
export type CommuneResolution =
  | { ok: true; commune: CommuneRef | null }
  | { ok: false; column: 'communeCode' | 'communeName' | 'province'; message: string };

/** "4" or "00004" or 4 → "00004": Excel drops the leading zeros of codes typed as numbers. */
export function normaliseUnitCode(s: string): string {
  const digits = s.replace(/\s/g, '');
  return /^\d{1,5}$/.test(digits) ? digits.padStart(5, '0') : digits;
}

/**
 * Resolves the commune of a row from its code (5 digits, after 1/7/2025) or its name, with the province to
 * tell apart communes of the same name; without a province, a name is looked up in the caller's province
 * first. Both code and name given must agree. Null commune = neither given (keep the current one).
 */
export function resolveCommune(
  v: { communeCode?: string | null; communeName?: string | null; province?: string | null },
  units: UnitLookups,
  homeProvinceId: number | null,
): CommuneResolution {
  let provinceId: number | null = null;
  if (v.province) {
    const p = units.provinceByName.get(provinceNameKey(v.province));
    if (p === undefined)
      return {
        ok: false,
        column: 'province',
        message: `Không có tỉnh/thành phố "${v.province}" (theo danh mục sau 01/07/2025).`,
      };
    provinceId = p;
  }
  if (v.communeCode) {
    const code = normaliseUnitCode(v.communeCode);
    const c = units.communeByCode.get(code);
    if (!c)
      return {
        ok: false,
        column: 'communeCode',
        message: `Không có xã/phường/đặc khu mã "${v.communeCode}" trong danh mục sau 01/07/2025 (xem trang "Danh mục xã").`,
      };
    if (v.communeName && communeNameKey(v.communeName) !== communeNameKey(c.name)) {
      return {
        ok: false,
        column: 'communeName',
        message: `Tên xã "${v.communeName}" không khớp với mã xã ${c.code} (${c.fullName}).`,
      };
    }
    if (provinceId !== null && provinceId !== c.provinceId) {
      return {
        ok: false,
        column: 'province',
        message: `Xã mã ${c.code} (${c.fullName}) thuộc tỉnh ${c.provinceName}, không thuộc "${v.province}".`,
      };
    }
    return { ok: true, commune: c };
  }
  if (!v.communeName) return { ok: true, commune: null };
  const all = units.communesByName.get(communeNameKey(v.communeName)) ?? [];
  let candidates = provinceId !== null ? all.filter((c) => c.provinceId === provinceId) : all;
  if (provinceId === null && candidates.length > 1 && homeProvinceId !== null) {
    const home = candidates.filter((c) => c.provinceId === homeProvinceId);
    if (home.length) candidates = home;
  }
  if (candidates.length === 1) return { ok: true, commune: candidates[0] };
  if (candidates.length === 0) {
    return {
      ok: false,
      column: 'communeName',
      message: `Không tìm thấy xã/phường/đặc khu "${v.communeName}"${v.province ? ` thuộc ${v.province}` : ''} trong danh mục sau 01/07/2025; hãy ghi mã xã (xem trang "Danh mục xã").`,
    };
  }
  return {
    ok: false,
    column: 'communeName',
    message: `Có ${candidates.length} xã/phường cùng tên "${v.communeName}"; hãy ghi mã xã hoặc tỉnh/thành phố để phân biệt.`,
  };
}
