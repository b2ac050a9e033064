/**
 * Runs the benchmarks: every bench/*.bench.ts whose name contains the optional filter, one after another.
 * Each file's default export is an async function that prints its own report. Never part of `npm test`.
 *
 *   npm run bench                 all benchmarks (PGlite; set DATABASE_URL for PostgreSQL)
 *   npm run bench -- registry     only the files whose name contains "registry"
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (!files.length) {
  console.error(`Không có tệp bench nào khớp "${filter}".`);
  process.exit(1);
}
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default?: () => Promise<unknown> };
  if (typeof mod.default !== 'function') throw new Error(`${f} has no default export to run`);
  await mod.default();
}
process.exit(0);
