// Browser tests against the real Hallway binary on a fresh, demo-seeded SQLite database.
//   HALLWAY_BIN       server binary (default ../build/release/hallway)
//   HALLWAY_E2E_PORT  port to listen on (default 18080)
//   CHROMIUM_PATH     browser to drive (default Debian's /usr/bin/chromium)
import { defineConfig } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.HALLWAY_E2E_PORT ?? 18080);
const bin = process.env.HALLWAY_BIN ?? '../build/release/hallway';

// The runner and every worker load this file; make the temp dir once and share it via env.
process.env.HALLWAY_E2E_TMP ??= mkdtempSync(join(tmpdir(), 'hallway-e2e-'));
const tmp = process.env.HALLWAY_E2E_TMP;
mkdirSync(join(tmp, 'data'), { recursive: true });

const serve = [
  JSON.stringify(bin),
  'serve',
  `--database ${JSON.stringify(`sqlite:${join(tmp, 'e2e.db')}`)}`,
  `--data-dir ${JSON.stringify(join(tmp, 'data'))}`,
  `--listen 127.0.0.1:${port}`,
  '--web-dir ./dist',
  `--access-log ${JSON.stringify(join(tmp, 'access.log'))}`,
  '--seed-demo',
].join(' ');

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results/artifacts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: serve,
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
