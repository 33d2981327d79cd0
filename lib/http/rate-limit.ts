/**
 * Fixed-window rate limiting per caller. The store is pluggable so limits hold in one process
 * (memory, the embedded default) or across processes (a shared store).
 */
export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
  retryAfterSeconds: number;
}

export interface RateLimitStore {
  /** Count one hit for `key` in the window starting at `windowStart`; returns the new count. */
  hit(key: string, windowStart: number, windowMs: number): Promise<number>;
}

export class MemoryRateLimitStore implements RateLimitStore {
  private windows = new Map<string, { start: number; count: number }>();

  async hit(key: string, windowStart: number): Promise<number> {
    const current = this.windows.get(key);
    if (!current || current.start !== windowStart) {
      if (this.windows.size > 50_000) this.evict(windowStart);
      this.windows.set(key, { start: windowStart, count: 1 });
      return 1;
    }
    current.count += 1;
    return current.count;
  }

  private evict(windowStart: number) {
    for (const [key, w] of this.windows) if (w.start < windowStart) this.windows.delete(key);
  }
}

const state = ((
  globalThis as { __leadlineRateLimit?: { store?: RateLimitStore } }
).__leadlineRateLimit ??= {});

/** Replace the store (tests); by default it comes from RATE_LIMIT_STORE on first use. */
export function setRateLimitStore(store: RateLimitStore | undefined) {
  state.store = store;
}

async function store(): Promise<RateLimitStore> {
  if (!state.store) {
    const { rateLimitStoreFromEnv } = await import("./rate-limit-stores");
    state.store ??= rateLimitStoreFromEnv();
  }
  return state.store;
}

export async function rateLimitFor(
  key: string,
  limit: number,
  windowMs = 60_000,
  now = Date.now(),
): Promise<RateLimitResult> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const count = await (await store()).hit(key, windowStart, windowMs);
  const resetMs = windowStart + windowMs;
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    reset: Math.ceil(resetMs / 1000),
    retryAfterSeconds: Math.max(1, Math.ceil((resetMs - now) / 1000)),
  };
}

export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    "x-ratelimit-limit": String(result.limit),
    "x-ratelimit-remaining": String(result.remaining),
    "x-ratelimit-reset": String(result.reset),
  };
}
