// First: before any module can run a full garbage collection (runtime/keep-tick-shape.ts).
import './runtime/keep-tick-shape.js';
import { serve } from '@hono/node-server';
import { createApp, fastLaneOf } from './app.js';
import { buildDeps, openAppDatabase, seedDemo } from './bootstrap.js';
import { loadConfig } from './config.js';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock.js';
import { fastLaneServer } from './http/fast-lane.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-users.js';

async function main() {
  const config = loadConfig();
  // PGlite has no lock of its own: refuse before touching the files if another process holds them.
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const started = Date.now();
  const database = await openAppDatabase(config).catch((err) => {
    release();
    throw err;
  });
  const created = await seedDemo(database, config);
  const app = createApp(buildDeps(database, config), {
    allowedOrigins: config.publicOrigins,
    changes: database.changes,
  });
  // node:http with the fast lane for repeatable signed-in GETs in front of Hono (http/fast-lane.ts).
  const createServer = fastLaneServer(fastLaneOf(app));
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, createServer }, () => {
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite nhúng tại ${config.dataDir}`;
    console.log(
      `\nHopTac đang chạy tại http://localhost:${config.port}  (CSDL: ${where}, khởi động ${Date.now() - started} ms)`,
    );
    if (config.seedDemo) {
      console.log(
        `\nTài khoản mẫu (Dữ liệu mẫu) — mật khẩu chung: ${DEMO_PASSWORD}${created.length ? '' : ' (nếu chưa đổi)'}`,
      );
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(20)} ${a.role}`);
    }
    console.log('\nNhấn Ctrl+C để dừng.');
  });
  server.on('error', async (err: NodeJS.ErrnoException) => {
    console.error(
      err.code === 'EADDRINUSE' ? `Cổng ${config.port} đang bận. Đặt PORT=... để dùng cổng khác.` : err,
    );
    await database.close();
    release();
    process.exit(1);
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  if (err instanceof DataDirLockedError) {
    console.error(`\n${err.message}\n`);
  } else {
    console.error('\nKhông khởi động được HopTac:', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
