import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { env } from "@/lib/env";
import { MemoryRateLimitStore, type RateLimitStore } from "./rate-limit";

/** Counters in PostgreSQL: limits hold across every app process sharing the database. */
export class PostgresRateLimitStore implements RateLimitStore {
  async hit(key: string, windowStart: number, windowMs: number): Promise<number> {
    const db = await getDb();
    const [row] = await queryRows<{ count: number }>(
      db,
      sql`insert into rate_limit_counters (key, window_start, count, expires_at)
          values (${key}, ${new Date(windowStart).toISOString()}::timestamptz, 1,
                  ${new Date(windowStart + windowMs).toISOString()}::timestamptz)
          on conflict (key, window_start) do update set count = rate_limit_counters.count + 1
          returning count`,
    );
    return Number(row?.count ?? 1);
  }
}

type RedisClient = Awaited<ReturnType<typeof import("redis").createClient>>;

/** Counters in Redis (INCR + PEXPIRE in one transaction), for deployments that run it anyway. */
export class RedisRateLimitStore implements RateLimitStore {
  private client?: Promise<RedisClient>;

  constructor(private readonly url: string) {}

  private connect(): Promise<RedisClient> {
    this.client ??= import("redis").then(async ({ createClient }) => {
      const client = createClient({ url: this.url });
      client.on("error", () => {});
      await client.connect();
      return client as RedisClient;
    });
    return this.client;
  }

  async hit(key: string, windowStart: number, windowMs: number): Promise<number> {
    const client = await this.connect();
    const redisKey = `leadline:rl:${key}:${windowStart}`;
    const [count] = await client.multi().incr(redisKey).pExpire(redisKey, windowMs).exec();
    return Number(count);
  }

  async close() {
    if (this.client) await (await this.client).quit();
  }
}

/** The store RATE_LIMIT_STORE names: memory (default, one process), postgres or redis. */
export function rateLimitStoreFromEnv(): RateLimitStore {
  switch (env.RATE_LIMIT_STORE) {
    case "postgres":
      return new PostgresRateLimitStore();
    case "redis":
      if (!env.REDIS_URL) throw new Error("RATE_LIMIT_STORE=redis needs REDIS_URL");
      return new RedisRateLimitStore(env.REDIS_URL);
    default:
      return new MemoryRateLimitStore();
  }
}
