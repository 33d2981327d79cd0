import { and, eq, gt, gte, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { sendCounters } from "@/db/schema";

export type SendCounterScope = (typeof sendCounters.$inferSelect)["scope"];

const MINUTE_MS = 60_000;

/**
 * Counts one queued message against its mailbox and campaign in the current minute, in the
 * transaction that queues it — so the caps of a concurrent send (under the mailbox's lock) see it.
 */
export async function countQueuedMessage(
  db: Queryable,
  input: {
    organizationId: string;
    mailboxId?: string | null;
    campaignId?: string | null;
    /** A backdated message (seed, import) counts in its own minute. */
    createdAt?: Date;
  },
): Promise<void> {
  const scopes: { scope: SendCounterScope; scopeId: string }[] = [];
  if (input.mailboxId) scopes.push({ scope: "mailbox", scopeId: input.mailboxId });
  if (input.campaignId) scopes.push({ scope: "campaign", scopeId: input.campaignId });
  if (scopes.length === 0) return;
  await db
    .insert(sendCounters)
    .values(
      scopes.map((s) => ({
        organizationId: input.organizationId,
        ...s,
        minute: input.createdAt
          ? new Date(Math.floor(input.createdAt.getTime() / MINUTE_MS) * MINUTE_MS)
          : sql`date_trunc('minute', now())`,
        sent: 1,
      })),
    )
    .onConflictDoUpdate({
      target: [
        sendCounters.organizationId,
        sendCounters.scope,
        sendCounters.scopeId,
        sendCounters.minute,
      ],
      set: { sent: sql`${sendCounters.sent} + 1` },
    });
}

export interface WindowUsage {
  count: number;
  /** When the oldest counted minute has wholly left the window — a slot frees up then. */
  freesAt: Date;
}

/**
 * Messages of a mailbox or campaign since `from`, to the minute: the minute holding `from` counts
 * whole, so a cap may defer a send up to a minute early but is never exceeded.
 */
export async function sentSince(
  db: Queryable,
  key: { organizationId: string; scope: SendCounterScope; scopeId: string },
  from: Date,
  windowMs: number,
): Promise<WindowUsage> {
  const firstMinute = new Date(Math.floor(from.getTime() / MINUTE_MS) * MINUTE_MS);
  const scoped = and(
    eq(sendCounters.organizationId, key.organizationId),
    eq(sendCounters.scope, key.scope),
    eq(sendCounters.scopeId, key.scopeId),
    gte(sendCounters.minute, firstMinute),
    gt(sendCounters.sent, 0),
  );
  const [row] = await db
    .select({
      n: sql<number>`coalesce(sum(${sendCounters.sent}), 0)::int`,
      oldest: sql<string | null>`min(${sendCounters.minute})`,
    })
    .from(sendCounters)
    .where(scoped);
  const oldest = row?.oldest ? new Date(row.oldest) : firstMinute;
  return { count: row?.n ?? 0, freesAt: new Date(oldest.getTime() + MINUTE_MS + windowMs) };
}

/**
 * Deletes counters older than any cap's window (two days covers a day and any time zone). The
 * table holds one row per active mailbox/campaign minute, so the daily scan stays small.
 */
export async function purgeSendCounters(db: Queryable, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 2 * 24 * 3600_000);
  const deleted = await db
    .delete(sendCounters)
    .where(lt(sendCounters.minute, cutoff))
    .returning({ minute: sendCounters.minute });
  return deleted.length;
}
