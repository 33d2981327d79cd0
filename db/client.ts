import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import type { Sql } from "postgres";
import { env } from "../lib/env";
import * as schema from "./schema";
import { acquirePgliteLock, releasePgliteLock } from "./pglite-lock";

export type Schema = typeof schema;
/** Both drivers expose the same query builder; code is written against this common type. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Database | Transaction;

export type DatabaseHandle =
  | { driver: "pglite"; db: Database; client: PGlite; location: string; close(): Promise<void> }
  | {
      driver: "postgres";
      db: Database;
      client: Sql;
      location: string;
      /** Kept for opening short-lived dedicated connections (the migration lock). */
      url: string;
      close(): Promise<void>;
    };

export interface OpenOptions {
  /** postgres:// URL → postgres.js; otherwise PGlite. */
  url?: string;
  /** PGlite data directory; omitted → in memory. */
  pgliteDir?: string;
  /** A PGlite data-dir tarball to start from (tests restore a migrated template this way). */
  pgliteData?: Blob;
  poolMax?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.url, {
      max: options.poolMax ?? env.DATABASE_POOL_MAX,
      onnotice: () => {},
      connection: { application_name: "leadline" },
    });
    const db = drizzle({ client, schema }) as unknown as Database;
    return {
      driver: "postgres",
      db,
      client,
      location: redactUrl(options.url),
      url: options.url,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { btree_gin } = await import("@electric-sql/pglite/contrib/btree_gin");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = options.pgliteDir;
  if (dir) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    acquirePgliteLock(dir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: dir,
      loadDataDir: options.pgliteData,
      extensions: { pg_trgm, btree_gin },
    });
  } catch (error) {
    if (dir) releasePgliteLock(dir);
    throw error;
  }
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    driver: "pglite",
    db,
    client,
    location: dir ?? "memory",
    close: async () => {
      await client.close();
      if (dir) releasePgliteLock(dir);
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(unparseable)";
  }
}

/** Rows of a raw `sql` query, whichever driver ran it (postgres.js returns an array, PGlite `{rows}`). */
export async function queryRows<T = Record<string, unknown>>(
  db: Queryable,
  query: SQL,
): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

// One instance per process, kept on globalThis so `next dev` hot reloads (which re-evaluate
// modules) reuse it: two PGlite instances on one directory would silently lose writes.
type ProcessState = {
  handle?: DatabaseHandle;
  ready?: Promise<DatabaseHandle>;
  /** Replaces the environment's database (tests give each file its own, created on first use). */
  factory?: () => Promise<DatabaseHandle>;
};
const state: ProcessState = ((globalThis as { __leadlineDb?: ProcessState }).__leadlineDb ??= {});

/** The process's database, opened and migrated on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (state.handle) return Promise.resolve(state.handle);
  if (env.isBuildPhase) {
    return Promise.reject(new Error("The database is not available while `next build` runs."));
  }
  state.ready ??= (async () => {
    if (state.factory) {
      state.handle = await state.factory();
      return state.handle;
    }
    const handle = await openDatabase(
      env.DATABASE_URL ? { url: env.DATABASE_URL } : { pgliteDir: env.pgliteDir },
    );
    const { migrateDatabase } = await import("./migrate");
    await migrateDatabase(handle);
    state.handle = handle;
    return handle;
  })().catch((error) => {
    state.ready = undefined;
    throw error;
  });
  return state.ready;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** Install an already-migrated database as the process's (tests, scripts). */
export function installDatabase(handle: DatabaseHandle): void {
  state.handle = handle;
  state.ready = Promise.resolve(handle);
}

/** Open the process's database lazily through `factory` instead of the environment (tests). */
export function setDatabaseFactory(factory: (() => Promise<DatabaseHandle>) | undefined): void {
  state.factory = factory;
  state.handle = undefined;
  state.ready = undefined;
}

export async function closeDatabase(): Promise<void> {
  const handle = state.handle;
  state.handle = undefined;
  state.ready = undefined;
  if (handle) await handle.close();
}
