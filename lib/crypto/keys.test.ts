import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { getAuthSecret, MissingAuthSecretError } from "./auth-secret";
import { deriveKey, hmacHex } from "./keys";
import { isUuid, newId } from "./ids";

describe("keys", () => {
  it("derives a distinct, stable key per purpose", () => {
    const a = deriveKey("session");
    expect(a).toHaveLength(32);
    expect(deriveKey("session").equals(a)).toBe(true);
    expect(deriveKey("access-token").equals(a)).toBe(false);
    expect(hmacHex("api-key", "x")).not.toBe(hmacHex("refresh-token", "x"));
  });

  it("refuses production without AUTH_SECRET", () => {
    const env = parseEnv({ NODE_ENV: "production", DATA_DIR: os.tmpdir() });
    expect(() => getAuthSecret(env)).toThrow(MissingAuthSecretError);
  });

  it("generates a development secret once and keeps it in the data directory", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leadline-secret-"));
    const env = parseEnv({ DATA_DIR: dir });
    const first = getAuthSecret(env);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(getAuthSecret(parseEnv({ DATA_DIR: dir }))).toBe(first);
    expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
  });

  it("prefers AUTH_SECRET when it is set", () => {
    const secret = "x".repeat(40);
    expect(getAuthSecret(parseEnv({ AUTH_SECRET: secret, NODE_ENV: "production" }))).toBe(secret);
  });

  it("makes time-ordered UUIDv7 ids", () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect(ids.every(isUuid)).toBe(true);
    expect(ids[0]![14]).toBe("7");
    expect([...ids].sort()).toEqual(ids);
  });
});
