import { and, isNotNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { purgeSendCounters } from "@/lib/email/send-counters";
import {
  idempotencyKeys,
  loginAttempts,
  outboxEvents,
  passwordResetTokens,
  rateLimitCounters,
  refreshTokens,
} from "@/db/schema";

export interface PurgeResult {
  idempotencyKeys: number;
  refreshTokens: number;
  outboxEvents: number;
  other: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Housekeeping across all organizations: expired idempotency records, refresh tokens that can no
 * longer be used (kept a week past expiry/revocation so reuse detection still has them), and
 * outbox events delivered more than a week ago, and per-minute send counts past every cap's window.
 */
export async function purgeExpiredRecords(db: Database, now = new Date()): Promise<PurgeResult> {
  const weekAgo = new Date(now.getTime() - 7 * DAY);
  const keys = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, now))
    .returning({ id: idempotencyKeys.id });
  const tokens = await db
    .delete(refreshTokens)
    .where(
      or(
        lt(refreshTokens.expiresAt, weekAgo),
        and(isNotNull(refreshTokens.revokedAt), lt(refreshTokens.revokedAt, weekAgo)),
      ),
    )
    .returning({ id: refreshTokens.id });
  const events = await db
    .delete(outboxEvents)
    .where(and(isNotNull(outboxEvents.sentAt), lt(outboxEvents.sentAt, weekAgo)))
    .returning({ id: outboxEvents.id });
  // Throttling only looks back 15 minutes and trusted addresses 30 days; resets live an hour.
  const attempts = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.createdAt, new Date(now.getTime() - 31 * DAY)))
    .returning({ id: loginAttempts.id });
  const resets = await db
    .delete(passwordResetTokens)
    .where(lt(passwordResetTokens.expiresAt, weekAgo))
    .returning({ id: passwordResetTokens.id });
  const counters = await db
    .delete(rateLimitCounters)
    .where(lt(rateLimitCounters.expiresAt, now))
    .returning({ key: rateLimitCounters.key });
  const sendCounts = await purgeSendCounters(db, now);
  return {
    idempotencyKeys: keys.length,
    refreshTokens: tokens.length,
    outboxEvents: events.length,
    other: attempts.length + resets.length + counters.length + sendCounts,
  };
}
