// `npm run seed -- --scale national|province|tiny [--province 20] [--seed 1] [--reset]`: loads the synthetic
// national registry (server/seed/national) into the configured database: PostgreSQL with DATABASE_URL, else
// PGlite under DATA_DIR. See docs/developer-guide.md "Synthetic national dataset".
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openAppDatabase } from '../server/bootstrap.js';
import { loadConfig } from '../server/config.js';
import { DataDirLockedError, lockDataDir } from '../server/db/data-dir-lock.js';
import { type CopySink, pgliteSink, pgSink } from '../server/seed/national/copy-sink.js';
import { loadNationalDataset, SeedRefusedError } from '../server/seed/national/national-load.js';
import { DEFAULT_PROVINCE, type SeedScale, TINY_FRACTION } from '../server/seed/national/national-scale.js';

const USAGE = `Cách dùng: npm run seed -- --scale national|province|tiny [--province <mã tỉnh>] [--seed <số>] [--reset]
  --scale national   toàn quốc (~35.000 HTX, ~66.000 THT, ~1 triệu thành viên trong sổ): dùng PostgreSQL (DATABASE_URL)
  --scale province   một tỉnh (mặc định Lạng Sơn, mã ${DEFAULT_PROVINCE}): hợp với PGlite (DATA_DIR)
  --scale tiny       ${TINY_FRACTION * 100}% cả nước, cho kiểm thử
  --seed <số>        cùng hạt giống → cùng dữ liệu (mặc định 1)
  --reset            xóa sổ đăng ký hiện có trước khi nạp`;

function parse(): { scale: SeedScale; seed: number; reset: boolean } {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'province' },
      province: { type: 'string' },
      seed: { type: 'string', default: '1' },
      fraction: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const kind = values.scale;
  if (kind !== 'national' && kind !== 'province' && kind !== 'tiny')
    throw new Error(`--scale "${kind}" không hợp lệ.\n${USAGE}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
    throw new Error('--seed phải là số nguyên không âm.');
  const fraction = values.fraction === undefined ? TINY_FRACTION : Number(values.fraction);
  if (!(fraction > 0 && fraction <= 1)) throw new Error('--fraction phải trong (0, 1].');
  const provinceCode = kind === 'province' ? (values.province ?? DEFAULT_PROVINCE).padStart(2, '0') : null;
  return {
    scale: { kind, provinceCode, fraction: kind === 'national' ? 1 : kind === 'tiny' ? fraction : 0 },
    seed,
    reset: values.reset,
  };
}

async function main() {
  const args = parse();
  const config = loadConfig();
  if (args.scale.kind === 'national' && !config.databaseUrl)
    console.warn(
      'Lưu ý: quy mô toàn quốc trên PGlite chậm và tốn bộ nhớ; nên dùng PostgreSQL (DATABASE_URL).',
    );
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite tại ${config.dataDir}`;
  console.log(
    `Nạp dữ liệu tổng hợp — quy mô ${args.scale.kind}${args.scale.provinceCode ? ` (tỉnh ${args.scale.provinceCode})` : ''}, seed ${args.seed}, vào ${where}`,
  );
  const started = performance.now();
  const database = await openAppDatabase(config).catch((err) => {
    release();
    throw err;
  });
  const prepared = performance.now() - started;
  console.log(
    `  ${'Chuẩn bị CSDL (migration, địa giới, kế hoạch)'.padEnd(44, '.')} ${(prepared / 1000).toFixed(1).padStart(6)} s`,
  );
  let client: pg.Client | null = null;
  try {
    let sink: CopySink;
    if (config.databaseUrl) {
      client = new pg.Client({ connectionString: config.databaseUrl });
      await client.connect();
      sink = pgSink(client);
    } else sink = pgliteSink(database.pglite!);
    const summary = await loadNationalDataset(database.db, sink, { ...args, log: (l) => console.log(l) });
    const n = (x: number) => x.toLocaleString('vi-VN');
    console.log(
      `Đã nạp: ${Object.entries(summary.rows)
        .map(([t, v]) => `${t} ${n(v)}`)
        .join(', ')}`,
    );
    console.log(`Tổng thời gian: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client?.end();
    await database.close();
    release();
  }
}

main().catch((err) => {
  if (err instanceof SeedRefusedError || err instanceof DataDirLockedError)
    console.error(`\n${err.message}\n`);
  else
    console.error(
      '\nKhông nạp được dữ liệu tổng hợp:',
      err instanceof Error ? (err.stack ?? err.message) : err,
    );
  process.exit(1);
});
