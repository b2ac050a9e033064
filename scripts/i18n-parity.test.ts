/** Every interface string exists in both Vietnamese and English, in every module's translation file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', 'web', 'src', 'i18n');

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}

const load = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
const viFiles = readdirSync(DIR).filter((f) => /^vi(\..+)?\.json$/.test(f));

describe('translations', () => {
  it.each(viFiles)('%s has the same keys as its English file', (file) => {
    const en = file.replace(/^vi/, 'en');
    expect(keys(load(en)).sort()).toEqual(keys(load(file)).sort());
  });

  it('module files never redefine a key of the base file', () => {
    const base = new Set(Object.keys(load('vi.json') as object));
    for (const file of viFiles.filter((f) => f !== 'vi.json')) {
      for (const top of Object.keys(load(file) as object))
        expect(base.has(top), `${file}: ${top}`).toBe(false);
    }
  });
});
