import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { newId } from "@/lib/crypto/ids";

/**
 * Test isolation: migrate one template per test run, then give each test file its own copy —
 * a PGlite restored from the template's data-dir dump, or on PostgreSQL a database created
 * `TEMPLATE` the migrated one. Files therefore run in parallel without seeing each other.
 */
export interface TestDatabaseTemplate {
  driver: "pglite" | "postgres";
  /** PGlite: path of the dumped data dir. PostgreSQL: the template database's name. */
  location: string;
  /** PostgreSQL admin URL (any database on the server). */
  adminUrl?: string;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminSql(adminUrl: string, statement: string) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createTemplate(adminUrl: string | undefined): Promise<TestDatabaseTemplate> {
  if (adminUrl) {
    const name = `leadline_test_tpl_${process.pid}_${Date.now()}`;
    await adminSql(adminUrl, `create database ${name}`);
    const handle = await openDatabase({ url: withDatabase(adminUrl, name), poolMax: 1 });
    try {
      await migrateDatabase(handle);
    } finally {
      await handle.close();
    }
    return { driver: "postgres", location: name, adminUrl };
  }
  const handle = await openDatabase({});
  try {
    await migrateDatabase(handle);
    const dump = await (handle.client as import("@electric-sql/pglite").PGlite).dumpDataDir("none");
    const file = path.join(os.tmpdir(), `leadline-test-template-${process.pid}-${Date.now()}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return { driver: "pglite", location: file };
  } finally {
    await handle.close();
  }
}

export async function dropTemplate(template: TestDatabaseTemplate): Promise<void> {
  if (template.driver === "pglite") {
    fs.rmSync(template.location, { force: true });
    return;
  }
  await adminSql(template.adminUrl!, `drop database if exists ${template.location} with (force)`);
}

/** A fresh, migrated database for one test file; closing it also drops it. */
export async function openTestDatabase(template: TestDatabaseTemplate): Promise<DatabaseHandle> {
  if (template.driver === "pglite") {
    const data = new Blob([fs.readFileSync(template.location)]);
    return openDatabase({ pgliteData: data });
  }
  const name = `leadline_test_${newId().replaceAll("-", "").slice(-16)}`;
  await adminSql(template.adminUrl!, `create database ${name} template ${template.location}`);
  const handle = await openDatabase({ url: withDatabase(template.adminUrl!, name), poolMax: 4 });
  const close = handle.close;
  return {
    ...handle,
    close: async () => {
      await close();
      await adminSql(template.adminUrl!, `drop database if exists ${name} with (force)`);
    },
  } as DatabaseHandle;
}
