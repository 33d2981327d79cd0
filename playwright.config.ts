import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { env } from "./lib/env";

/**
 * End-to-end tests against a production build (`next start`) on its own port and its own fresh
 * embedded database, in Debian's Chromium when installed (Playwright's browser download is not
 * available offline).
 */
const PORT = 3100;
const baseURL = env.E2E_BASE_URL ?? `http://127.0.0.1:${PORT}`;
const dataDir = path.join(os.tmpdir(), `leadline-e2e-${Date.now()}`);
const systemChromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasBuild = fs.existsSync(path.join(import.meta.dirname, ".next", "BUILD_ID"));

export default defineConfig({
  testDir: "e2e",
  // Runs against a shared dev server happen side by side: each keeps its own artifacts.
  outputDir: env.E2E_BASE_URL ? `test-results/run-${process.pid}` : "test-results",
  fullyParallel: false,
  workers: 1,
  retries: env.CI ? 1 : 0,
  reporter: env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: fs.existsSync(systemChromium) ? systemChromium : undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: env.E2E_BASE_URL
    ? undefined
    : {
        command: hasBuild ? "npx next start" : "npx next build && npx next start",
        url: `${baseURL}/api/v1/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "pipe",
        env: {
          PORT: String(PORT),
          APP_URL: baseURL,
          DATA_DIR: dataDir,
          AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
          SEED_DEMO_DATA: "true",
          NEXT_TELEMETRY_DISABLED: "1",
          LOG_LEVEL: "warn",
        },
      },
});
