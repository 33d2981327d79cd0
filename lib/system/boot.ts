import { getDatabase } from "@/db/client";
import { getAuthSecret, MissingAuthSecretError } from "@/lib/crypto/auth-secret";
import { env } from "@/lib/env";
import { POSTGRES_JOB_PARALLELISM, startBackgroundWork } from "@/lib/jobs/background";
import { jobEngineMode } from "@/lib/jobs/engine";
import { log } from "@/lib/log";
import { formatDemoLogins } from "@/lib/seed/demo-users";
import { seedIfEmpty } from "@/lib/seed/seed-demo";

/**
 * Server start: refuse to run production without AUTH_SECRET, migrate, seed an empty database
 * with the demo organization (development default), start the outbox relay and the embedded job
 * engine. Runs once per server process, from instrumentation.ts.
 */
export async function bootServer(): Promise<void> {
  if (env.isBuildPhase) return;
  try {
    getAuthSecret();
  } catch (error) {
    if (error instanceof MissingAuthSecretError) {
      console.error(`\n[leadline] ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const handle = await getDatabase();
  log.info(`database ready (${handle.driver}: ${handle.location})`);
  if (env.SEED_DEMO_DATA) {
    const seeded = await seedIfEmpty(handle.db);
    if (seeded?.created) log.info("seeded an empty database with the demo organization");
  }
  if (env.SEED_DEMO_DATA) console.log(`\n${formatDemoLogins()}\n`);
  startBackgroundWork(handle.db, {
    parallelism: handle.driver === "postgres" ? POSTGRES_JOB_PARALLELISM : 1,
  });
  log.info(`jobs: ${jobEngineMode()} engine`);
  if (jobEngineMode() === "inngest" && !env.INNGEST_SIGNING_KEY) {
    log.warn(
      "INNGEST_EVENT_KEY is set but INNGEST_SIGNING_KEY is not: Inngest cannot call /api/inngest",
    );
  }
}
