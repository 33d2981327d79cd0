import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("environment", () => {
  it("runs on defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.pgliteDir).toBe(path.resolve(".data", "pglite"));
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.SEED_DEMO_DATA).toBe(true);
    expect(env.isProduction).toBe(false);
  });

  it("does not seed demo data in production unless asked", () => {
    expect(parseEnv({ NODE_ENV: "production" }).SEED_DEMO_DATA).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", SEED_DEMO_DATA: "true" }).SEED_DEMO_DATA).toBe(true);
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", RESEND_API_KEY: "  ", APP_URL: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.RESEND_API_KEY).toBeUndefined();
  });

  it("fails loudly, naming every bad variable", () => {
    expect(() =>
      parseEnv({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        AUTH_SECRET: "short",
        LOG_LEVEL: "loud",
      }),
    ).toThrowError(/PORT[\s\S]*AUTH_SECRET|AUTH_SECRET[\s\S]*PORT/);
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", AUTH_SECRET: "short" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL");
      expect(message).toContain("AUTH_SECRET must be at least 32 characters");
    }
  });

  it("derives the PGlite directory from DATA_DIR and strips a trailing slash from APP_URL", () => {
    const env = parseEnv({ DATA_DIR: "/tmp/ll", APP_URL: "https://crm.example.com/" });
    expect(env.pgliteDir).toBe("/tmp/ll/pglite");
    expect(env.appUrl).toBe("https://crm.example.com");
  });
});
