import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

/**
 * Recompute the analytics rollups (leads' first contact / reply and lead_daily_rollups,
 * lead_status_rollups; then user_activity_daily_rollups and lead_assignment_rollups, which count
 * the first contacts just settled; the campaign mail and recipient facts and rollups; the revenue
 * rollups of campaign recipients, their wins and the forecast; leads' status paths and
 * lead_status_entry_rollups; and lead_counts, behind list totals and lead stats) from the
 * source rows — one organization, or all. The triggers
 * keep them current; this is for repair after bulk SQL that bypassed a table's triggers, or a
 * restore.
 */
export async function rebuildAnalyticsRollups(db: Queryable, organizationId: string | null) {
  await db.execute(sql`select rebuild_lead_rollups(${organizationId}::uuid)`);
  await db.execute(sql`select rebuild_activity_rollups(${organizationId}::uuid)`);
  await db.execute(sql`select rebuild_campaign_rollups(${organizationId}::uuid)`);
  await db.execute(sql`select rebuild_revenue_rollups(${organizationId}::uuid)`);
  await db.execute(sql`select rebuild_funnel_rollups(${organizationId}::uuid)`);
  await db.execute(sql`select rebuild_lead_counts(${organizationId}::uuid)`);
}
