import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { memberships, notifications } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { publishLive } from "@/lib/live/live-messages";

export const notificationSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Notification" });

export interface NewNotification {
  organizationId: string;
  userId: string;
  type: string;
  title: string;
  body?: string;
  link?: string;
  data?: Record<string, unknown>;
  /** A job retried after a crash must not notify twice: the same key is stored once. */
  dedupeKey?: string;
}

export async function createNotification(db: Queryable, input: NewNotification): Promise<boolean> {
  const rows = await db
    .insert(notifications)
    .values({
      ...input,
      body: input.body ?? null,
      link: input.link ?? null,
      data: input.data ?? {},
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  if (rows.length === 0) return false;
  await publishLive(db, {
    orgId: input.organizationId,
    userId: input.userId,
    type: "notifications.changed",
    data: { id: rows[0]!.id },
  });
  return true;
}

/**
 * Tell every active owner and admin of an organization (things that belong to the organization,
 * not a person: mailboxes, budgets). One notification per person for a key: the key is made
 * per person, since the notifications' unique key is per organization.
 */
export async function notifyOrganizationAdmins(
  db: Queryable,
  input: Omit<NewNotification, "userId" | "dedupeKey"> & { dedupeKey: string },
): Promise<number> {
  const admins = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, input.organizationId),
        eq(memberships.status, "active"),
        inArray(memberships.role, ["owner", "admin"]),
      ),
    );
  let sent = 0;
  for (const { userId } of admins) {
    if (
      await createNotification(db, { ...input, userId, dedupeKey: `${input.dedupeKey}:${userId}` })
    ) {
      sent++;
    }
  }
  return sent;
}

/** Other open tabs of the same person update their badge too. */
async function announceRead(ctx: Ctx) {
  if (!ctx.actor.userId) return;
  await publishLive(ctx.db, {
    orgId: ctx.orgId,
    userId: ctx.actor.userId,
    type: "notifications.changed",
    data: {},
  });
}

export const listNotificationsQuery = z
  .strictObject({
    unread: z.enum(["true", "false"]).optional(),
    perPage: z.coerce.number().int().min(1).max(100).default(20),
  })
  .meta({ id: "NotificationsQuery" });

/** The caller's own notifications; an API key has none (so any id is simply not found). */
function mine(ctx: Ctx) {
  assertCan(ctx, "notifications:read");
  if (!ctx.actor.userId) return sql`false`;
  return and(
    eq(notifications.organizationId, ctx.orgId),
    eq(notifications.userId, ctx.actor.userId),
  );
}

/** How many of the caller's notifications are unread (the bell's badge). */
export async function countUnreadNotifications(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(ctx), isNull(notifications.readAt)));
  return row!.n;
}

/** The caller's notifications, newest first, with the unread count the bell shows. */
export async function listNotifications(ctx: Ctx, query: z.infer<typeof listNotificationsQuery>) {
  const scope = mine(ctx);
  const [rows, unreadCount] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(and(scope, query.unread === "true" ? isNull(notifications.readAt) : undefined))
      .orderBy(desc(notifications.createdAt))
      .limit(query.perPage),
    countUnreadNotifications(ctx),
  ]);
  return {
    data: rows.map((n) => ({
      id: n.id,
      type: n.type,
      title: n.title,
      body: n.body,
      link: n.link,
      data: n.data,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
    unreadCount,
  };
}

export async function markNotificationRead(ctx: Ctx, id: string, read: boolean) {
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: read ? new Date() : null })
    .where(and(mine(ctx), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  if (!row) throw notFound("Notification");
  await announceRead(ctx);
}

export async function markAllNotificationsRead(ctx: Ctx): Promise<number> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(ctx), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length > 0) await announceRead(ctx);
  return rows.length;
}
