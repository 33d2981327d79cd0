import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDatabase, queryRows } from "./client";
import { getMigrationStatus, migrateDatabase } from "./migrate";

describe("migrations", () => {
  it("are applied, and applying them again is a no-op", async () => {
    const handle = await getDatabase();
    const before = await getMigrationStatus(handle);
    expect(before.current).toBe(true);
    expect(before.applied).toBe(before.available);
    await migrateDatabase(handle);
    expect(await getMigrationStatus(handle)).toEqual(before);
  });

  it("lead every tenant index with organization_id", async () => {
    const rows = await queryRows<{ tablename: string; indexname: string; indexdef: string }>(
      (await getDatabase()).db,
      sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'`,
    );
    const tenantTables = new Set(
      (
        await queryRows<{ table_name: string }>(
          (await getDatabase()).db,
          sql`select table_name from information_schema.columns
               where table_schema = 'public' and column_name = 'organization_id'`,
        )
      ).map((r) => r.table_name),
    );
    // Lookups by a presented secret, by expiry sweeps, by job scheduling or by user are the
    // deliberate exceptions: they run before (or regardless of) knowing the organization.
    const allowed =
      /_pkey$|_key_hash_key$|_token_hash_key$|_expires_idx$|_family_idx$|_pending_idx$|job_runs_(runnable|waiting|function)|memberships_user_idx/;
    const offenders = rows.filter(
      (r) =>
        tenantTables.has(r.tablename) &&
        !allowed.test(r.indexname) &&
        !/\(organization_id/.test(r.indexdef),
    );
    expect(offenders.map((r) => r.indexname)).toEqual([]);
  });
});
