import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { DatabaseHandle } from "./client";
import { queryRows } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
// An arbitrary constant so concurrent app nodes starting together migrate one at a time.
const MIGRATION_LOCK_ID = 727_465_001;

/** Apply pending migrations; a second call (or a second start) is a no-op. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // drizzle's pglite migrator wants its own database type; the instance is the same object.
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // The advisory lock is per session, so migrate over one dedicated connection that holds it.
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const single = postgres(handle.url, { max: 1, onnotice: () => {} });
  try {
    await single`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(drizzle({ client: single }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await single.end({ timeout: 5 });
  }
}

export interface MigrationStatus {
  current: boolean;
  applied: number;
  available: number;
}

export async function getMigrationStatus(handle: DatabaseHandle): Promise<MigrationStatus> {
  const available = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  let applied: { created_at: string | number }[] = [];
  try {
    applied = await queryRows(
      handle.db,
      sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
    );
  } catch {
    applied = [];
  }
  const latestApplied = Number(applied.at(-1)?.created_at ?? 0);
  const latestAvailable = available.at(-1)?.folderMillis ?? 0;
  return {
    current: latestApplied >= latestAvailable,
    applied: applied.length,
    available: available.length,
  };
}
