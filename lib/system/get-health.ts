import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDatabase, queryRows } from "@/db/client";
import { getMigrationStatus } from "@/db/migrate";
import { env } from "@/lib/env";
import { jobEngineMode, probeJobEngine } from "@/lib/jobs/engine";
import { APP_VERSION } from "./version";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded", "down"]),
    version: z.string(),
    time: z.iso.datetime(),
    database: z.object({
      reachable: z.boolean(),
      driver: z.enum(["pglite", "postgres"]).nullable(),
      latencyMs: z.number().nullable(),
      migrations: z
        .object({ current: z.boolean(), applied: z.number().int(), available: z.number().int() })
        .nullable(),
    }),
    jobs: z.object({
      engine: z.enum(["embedded", "inngest-dev", "inngest"]),
      reachable: z.boolean(),
      pendingEvents: z.number().int().nullable(),
    }),
    email: z.object({ mode: z.enum(["resend", "local_outbox"]) }),
    ai: z.object({
      mode: z.enum(["provider", "offline"]),
      provider: z.string().nullable(),
    }),
  })
  .meta({ id: "Health" });

export type Health = z.infer<typeof healthSchema>;

/** A snapshot of what Leadline depends on. Reports modes and reachability, never secrets. */
export async function getHealth(): Promise<Health> {
  const database: Health["database"] = {
    reachable: false,
    driver: null,
    latencyMs: null,
    migrations: null,
  };
  let pendingEvents: number | null = null;
  try {
    const handle = await getDatabase();
    database.driver = handle.driver;
    const started = performance.now();
    await queryRows(handle.db, sql`select 1`);
    database.latencyMs = Math.round((performance.now() - started) * 100) / 100;
    database.reachable = true;
    database.migrations = await getMigrationStatus(handle);
    const [row] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from outbox_events where sent_at is null`,
    );
    pendingEvents = row?.n ?? 0;
  } catch {
    database.reachable = false;
  }
  const engine = jobEngineMode();
  const jobsReachable = await probeJobEngine();
  const llmConfigured =
    env.LLM_PROVIDER !== undefined &&
    (env.LLM_PROVIDER === "openai-compatible" || !!env.LLM_API_KEY);
  const status: Health["status"] = !database.reachable
    ? "down"
    : !database.migrations?.current || !jobsReachable
      ? "degraded"
      : "ok";
  return {
    status,
    version: APP_VERSION,
    time: new Date().toISOString(),
    database,
    jobs: { engine, reachable: jobsReachable, pendingEvents },
    email: { mode: env.RESEND_API_KEY ? "resend" : "local_outbox" },
    ai: {
      mode: llmConfigured ? "provider" : "offline",
      provider: llmConfigured ? (env.LLM_PROVIDER ?? null) : null,
    },
  };
}
