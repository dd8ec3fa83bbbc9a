// Browser tests of the dashboard (e2e/*.spec.ts) on Debian's chromium: no browser download
// (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 for npm ci). They run against an application that is already up:
//   BASE_URL        the app under test (default http://localhost:8080)
//   SCREENSHOT_DIR  where the screenshots of the main screens go (default target/screenshots)
//   CHROMIUM        browser binary (default /usr/bin/chromium)
//   E2E_TIMEZONE    browser time zone (default Europe/Berlin, so local<->UTC conversion is exercised)
// app/src/test/java/io/tasklog/app/DashboardBrowserIT.java starts the application and runs them.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'target/e2e-results', // traces and screenshots of failed tests
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, ''),
    headless: true,
    timezoneId: process.env.E2E_TIMEZONE || 'Europe/Berlin',
    viewport: { width: 1200, height: 820 },
    actionTimeout: 10_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
