// Browser end-to-end tests: Debian's chromium (Playwright cannot download its own browser here),
// against the production build served by `vite preview` on 127.0.0.1 with COOP/COEP headers.
// CHROMIUM_PATH overrides the executable. WebGPU is available headless through SwiftShader with
// --enable-unsafe-webgpu; the "no-webgpu" project leaves it out to exercise the WASM fallback.
// Service workers are blocked by default: the app's worker precaches ≈75 MB on a first visit, which
// every fresh test context would download again, and requests it serves bypass page.route (the mock
// Hub). Only the hosted test (e2e/hosted.spec.ts) allows it, since the worker is what it tests.
import { defineConfig } from '@playwright/test';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const baseArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const port = Number(process.env.E2E_PORT ?? 4175);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    serviceWorkers: 'block',
    launchOptions: { executablePath, args: [...baseArgs, '--enable-unsafe-webgpu'] },
  },
  projects: [
    { name: 'webgpu', testIgnore: /\.nowebgpu\.spec\.ts$/ },
    {
      name: 'no-webgpu',
      testMatch: /\.nowebgpu\.spec\.ts$/,
      use: { launchOptions: { executablePath, args: baseArgs } },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    // The mock Hubs the tests start listen on 127.0.0.1 at any port: the served security policy must admit them.
    env: { BIAS_WORKBENCH_HUB_HOSTS: 'http://127.0.0.1:*' },
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
