/**
 * Every interface string exists in both Vietnamese and English, in every translation file: the shell's
 * (vi.shell.json, in the entry chunk), the base file (vi.json) and each module's (vi.assessment.json, …).
 */
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

  it('puts each top-level key in exactly one file (web/src/i18n/index.ts merges them without overlap)', () => {
    const owner = new Map<string, string>();
    for (const file of viFiles) {
      for (const top of Object.keys(load(file) as object)) {
        expect(owner.get(top), `${file}: ${top} is also in ${owner.get(top)}`).toBeUndefined();
        owner.set(top, file);
      }
    }
    expect(viFiles).toContain('vi.shell.json');
  });
});
