import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";
import { log } from "@/lib/log";

/**
 * Note that a member is active, at most once a minute: the condition makes every other request a
 * read of one index entry and no write. Presence is a nicety — a failure here is logged and
 * never fails the request that triggered it.
 */
export async function touchLastSeen(db: Queryable, orgId: string, userId: string) {
  try {
    await db
      .update(memberships)
      .set({ lastSeenAt: sql`date_trunc('milliseconds', now())` })
      .where(
        and(
          eq(memberships.organizationId, orgId),
          eq(memberships.userId, userId),
          or(
            isNull(memberships.lastSeenAt),
            lt(memberships.lastSeenAt, sql`now() - interval '1 minute'`),
          ),
        ),
      );
  } catch (error) {
    log.warn("last_seen_update_failed", { orgId, userId, error: String(error) });
  }
}
