import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { env } from "@/lib/env";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { newId } from "@/lib/crypto/ids";
import { MemoryRateLimitStore, rateLimitFor, setRateLimitStore } from "./rate-limit";
import { PostgresRateLimitStore, RedisRateLimitStore } from "./rate-limit-stores";

let org: TestOrg;
const original = env.RATE_LIMIT_PER_MINUTE;
beforeAll(async () => {
  org = await createTestOrg("Limits");
});
afterAll(() => {
  env.RATE_LIMIT_PER_MINUTE = original;
  setRateLimitStore(undefined);
});

describe("rate limiting", () => {
  it("sends the limit headers on every response and a 429 with Retry-After over the limit", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    env.RATE_LIMIT_PER_MINUTE = 3;
    const token = org.members.rep.token;
    const first = await api("GET", "/api/v1/auth/me", { token });
    expect(first.headers.get("x-ratelimit-limit")).toBe("3");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("2");
    expect(Number(first.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    await api("GET", "/api/v1/auth/me", { token });
    await api("GET", "/api/v1/auth/me", { token });
    const limited = await api("GET", "/api/v1/auth/me", { token });
    expect(limited.status).toBe(429);
    expect(limited.json.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    // Limits are per caller: someone else is unaffected.
    expect((await api("GET", "/api/v1/auth/me", { token: org.members.rep2.token })).status).toBe(
      200,
    );
    // Anonymous calls are limited per address.
    const anon = await api("GET", "/api/v1/health", {
      headers: { "x-forwarded-for": "192.0.2.55" },
    });
    expect(anon.headers.get("x-ratelimit-limit")).toBe("3");
    env.RATE_LIMIT_PER_MINUTE = original;
  });

  it("counts in a fixed window that resets", async () => {
    setRateLimitStore(new MemoryRateLimitStore());
    const t = Date.UTC(2026, 0, 1, 0, 0, 30);
    expect((await rateLimitFor("k", 1, 60_000, t)).allowed).toBe(true);
    const over = await rateLimitFor("k", 1, 60_000, t + 1000);
    expect(over).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 29 });
    expect((await rateLimitFor("k", 1, 60_000, t + 31_000)).allowed).toBe(true);
  });

  it("shares counts across processes through PostgreSQL", async () => {
    const a = new PostgresRateLimitStore();
    const b = new PostgresRateLimitStore();
    const key = `pg-${newId()}`;
    const start = Date.UTC(2026, 0, 1);
    expect(await a.hit(key, start, 60_000)).toBe(1);
    expect(await b.hit(key, start, 60_000)).toBe(2);
    expect(await a.hit(key, start + 60_000, 60_000)).toBe(1);
  });

  it("shares counts across processes through Redis", async (t) => {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(6379, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (!up) {
      t.skip("Redis is not running on 127.0.0.1:6379");
      return;
    }
    const a = new RedisRateLimitStore("redis://127.0.0.1:6379");
    const b = new RedisRateLimitStore("redis://127.0.0.1:6379");
    const key = `redis-${newId()}`;
    expect(await a.hit(key, 0, 60_000)).toBe(1);
    expect(await b.hit(key, 0, 60_000)).toBe(2);
    await a.close();
    await b.close();
  });
});
