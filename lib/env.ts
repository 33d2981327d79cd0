import path from "node:path";
import nextEnv from "@next/env";
import { z } from "zod";

/**
 * The only reader of process.env. Everything configurable is declared, defaulted and validated here
 * once, so a typo in a variable fails loudly at start instead of silently falling back somewhere.
 * Every variable is documented in README.md ("Environment").
 */

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["true", "1", "yes"].includes(v)));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const optionalUrl = optionalString.pipe(z.url().optional());

function schemaFor(nodeEnv: string) {
  const development = nodeEnv !== "production";
  return z.object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: optionalUrl,
    AUTH_SECRET: optionalString.pipe(
      z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    ),
    DATA_DIR: z.string().default(".data"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
        .optional(),
    ),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    PGLITE_DIR: optionalString,
    SEED_DEMO_DATA: bool(development),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    MAX_JSON_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    IMPORT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(256 * 1024 * 1024),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1000),
    RATE_LIMIT_STORE: z.enum(["memory", "postgres", "redis"]).optional(),
    REDIS_URL: optionalString.pipe(
      z
        .string()
        .regex(/^rediss?:\/\//)
        .optional(),
    ),
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_BASE_URL: optionalUrl,
    INNGEST_DEV: optionalString,
    INNGEST_DEV_SERVER: z.enum(["auto", "download", "off"]).default("auto"),
    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: optionalUrl,
    RESEND_WEBHOOK_SECRET: optionalString,
    /**
     * Shared secret for raw inbound mail posted to /api/webhooks/email/inbound by a provider other
     * than Resend, for the whole installation. Each organization also has its own (settings).
     */
    INBOUND_EMAIL_SECRET: optionalString,
    /** Twilio's REST API host (tests point it at a local fake); defaults to Twilio's own hosts. */
    TWILIO_API_BASE_URL: optionalUrl,
    /** Telegram's Bot API host (tests point it at a local fake); defaults to api.telegram.org. */
    TELEGRAM_API_BASE_URL: optionalUrl,
    EMAIL_FROM: z.string().default("Leadline <no-reply@leadline.local>"),
    LLM_PROVIDER: z.enum(["openai", "anthropic", "openai-compatible"]).optional(),
    LLM_MODEL: optionalString,
    LLM_API_KEY: optionalString,
    LLM_BASE_URL: optionalUrl,
    CHROMIUM_PATH: optionalString,
    /** Playwright: test against this already-running server instead of starting a build. */
    E2E_BASE_URL: optionalUrl,
    CI: bool(false),
  });
}

export type Env = z.infer<ReturnType<typeof schemaFor>> & {
  /** Absolute directory for embedded state (PGlite data, generated dev secret). */
  dataDir: string;
  /** Absolute PGlite directory, used when DATABASE_URL is unset. */
  pgliteDir: string;
  /** Public base URL used in links we send (emails, tracking). */
  appUrl: string;
  isProduction: boolean;
  /** True while `next build` runs: nothing may touch the database or demand secrets then. */
  isBuildPhase: boolean;
};

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schemaFor(source.NODE_ENV ?? "development").safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const parsed = result.data;
  // turbopackIgnore: runtime data paths, not files the build should trace into the bundle.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ parsed.DATA_DIR);
  return {
    ...parsed,
    dataDir,
    pgliteDir: path.resolve(
      /*turbopackIgnore: true*/ parsed.PGLITE_DIR ?? path.join(dataDir, "pglite"),
    ),
    appUrl: (parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ""),
    isProduction: parsed.NODE_ENV === "production",
    isBuildPhase: source.NEXT_PHASE === "phase-production-build",
  };
}

// Next.js loads .env files itself; scripts run with tsx (seed, migrate, dev) get the same files
// here. Tests never do: a developer's .env must not point the suite at their database.
if (!process.env.NEXT_RUNTIME && !process.env.VITEST) {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", {
    info: () => {},
    error: (...args: unknown[]) => console.error(...args),
  });
}

export const env: Env = parseEnv(process.env);

// Auth.js reads its base URL from NEXTAUTH_URL itself; in the server it is always APP_URL. Only
// inside Next.js: a script that spawns the server must not pass down a value for another port.
if (process.env.NEXT_RUNTIME) process.env.NEXTAUTH_URL ??= env.appUrl;

/** The environment for a child process we spawn (dev server, test web server), plus overrides. */
export function childProcessEnv(
  overrides: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...overrides })) {
    if (v !== undefined) merged[k] = v;
  }
  return merged as NodeJS.ProcessEnv;
}
