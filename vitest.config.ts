import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-file.ts"],
    pool: "forks",
    // Vitest's default leaves a core idle (CPUs − 1): on a 2-core CI machine that is one worker.
    // Test files are independent (each has its own database), so use every core.
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests never touch the developer's .data (a running dev server owns it).
    env: {
      NODE_ENV: "test",
      DATA_DIR: path.join(os.tmpdir(), "leadline-test-data"),
      AUTH_SECRET: "test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      LOG_LEVEL: "silent",
      SEED_DEMO_DATA: "false",
    },
  },
});
