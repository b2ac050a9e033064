import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 400_000,
    // expect.poll waits 1 s by default: too little for a browser test's page to show a server's answer on a busy
    // machine (CI saw it run out while the answer was on its way). Only the browser tests poll.
    expect: { poll: { timeout: 30_000 } },
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
  },
});
