import { and, asc, eq, gte, lt, min, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database, Queryable } from "@/db/client";
import { leads, REMINDER_STATUSES, reminders, users } from "@/db/schema";
import { reminderChanged, reminderScheduled } from "@/inngest/events";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { recordOwnActivity } from "@/lib/activity/record-user-activity";
import { AppError, notFound } from "@/lib/errors";
import { enqueueEvent } from "@/lib/jobs/outbox";
import { recordActivity } from "@/lib/leads/activity";
import { getLeadOrThrow } from "@/lib/leads/get-lead";
import { isValidTimezone } from "@/lib/leads/normalize";
import { assignableMemberIds, leadScope } from "@/lib/leads/visibility";
import { createNotification } from "@/lib/notifications/notifications";

const instant = z.iso.datetime({ offset: true });

export const createReminderInput = z
  .strictObject({
    dueAt: instant,
    message: z.string().trim().min(1).max(1000),
    assigneeId: z
      .uuid()
      .optional()
      .meta({ description: "Defaults to the caller (or, for an API key, the lead's owner)" }),
  })
  .meta({ id: "CreateReminder" });

export const updateReminderInput = z
  .strictObject({
    status: z.enum(["open", "done", "cancelled"]).optional(),
    dueAt: instant.optional(),
    message: z.string().trim().min(1).max(1000).optional(),
    assigneeId: z.uuid().optional(),
    snoozeMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30)
      .optional()
      .meta({ description: "Move the due time this far from now" }),
  })
  .refine((v) => !(v.snoozeMinutes && v.dueAt), {
    message: "Give dueAt or snoozeMinutes, not both",
    path: ["snoozeMinutes"],
  })
  .meta({ id: "UpdateReminder" });

export const listRemindersQuery = z
  .strictObject({
    due: z
      .enum(["overdue", "today", "upcoming", "all"])
      .default("all")
      .meta({ description: "overdue: past due; today: due later today; upcoming: after today" }),
    assigneeId: z.string().max(40).optional().meta({ description: "A user id or `me`" }),
    status: z.enum(REMINDER_STATUSES).default("open"),
    leadId: z.uuid().optional(),
    tz: z
      .string()
      .max(64)
      .optional()
      .meta({ description: 'Time zone that defines "today" (default UTC)' }),
    perPage: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({ id: "RemindersQuery" });

export const reminderSchema = z
  .object({
    id: z.uuid(),
    leadId: z.uuid(),
    lead: z.object({ id: z.uuid(), displayName: z.string() }),
    assigneeId: z.uuid(),
    assignee: z.object({ id: z.uuid(), name: z.string() }),
    message: z.string(),
    dueAt: z.iso.datetime(),
    status: z.enum(REMINDER_STATUSES),
    completedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Reminder" });

const columns = {
  reminder: reminders,
  leadName: leads.displayName,
  assigneeName: users.name,
};

type Joined = { reminder: typeof reminders.$inferSelect; leadName: string; assigneeName: string };

function toDto(r: Joined): z.infer<typeof reminderSchema> {
  return {
    id: r.reminder.id,
    leadId: r.reminder.leadId,
    lead: { id: r.reminder.leadId, displayName: r.leadName },
    assigneeId: r.reminder.assigneeId,
    assignee: { id: r.reminder.assigneeId, name: r.assigneeName },
    message: r.reminder.message,
    dueAt: r.reminder.dueAt.toISOString(),
    status: r.reminder.status,
    completedAt: r.reminder.completedAt?.toISOString() ?? null,
    createdAt: r.reminder.createdAt.toISOString(),
  };
}

/** The lead's next follow-up is its earliest open reminder. */
async function syncNextFollowUp(db: Queryable, orgId: string, leadId: string) {
  const [row] = await db
    .select({ next: min(reminders.dueAt) })
    .from(reminders)
    .where(
      and(
        eq(reminders.organizationId, orgId),
        eq(reminders.leadId, leadId),
        eq(reminders.status, "open"),
      ),
    );
  await db
    .update(leads)
    .set({ nextFollowUpAt: row?.next ?? null })
    .where(and(eq(leads.organizationId, orgId), eq(leads.id, leadId)));
}

async function checkAssignee(ctx: Ctx, assigneeId: string) {
  if (!(await assignableMemberIds(ctx, [assigneeId])).has(assigneeId)) {
    throw new AppError("validation_error", "The assignee is not a member of this organization.", {
      errors: [{ path: "assigneeId", message: "Not a member" }],
    });
  }
}

async function scopedReminder(ctx: Ctx, id: string, db: Queryable = ctx.db): Promise<Joined> {
  const [row] = await db
    .select(columns)
    .from(reminders)
    .innerJoin(leads, eq(leads.id, reminders.leadId))
    .innerJoin(users, eq(users.id, reminders.assigneeId))
    .where(
      and(eq(reminders.organizationId, ctx.orgId), eq(reminders.id, id), await leadScope(ctx)),
    );
  if (!row) throw notFound("Reminder");
  return row;
}

/**
 * A follow-up on a lead for one member. A job waits until it is due and then notifies the
 * assignee; rescheduling or completing it cancels that wait.
 */
export async function createReminder(
  ctx: Ctx,
  leadId: string,
  input: z.infer<typeof createReminderInput>,
) {
  assertCan(ctx, "reminders:write");
  const lead = await getLeadOrThrow(ctx, leadId);
  const assigneeId = input.assigneeId ?? ctx.actor.userId ?? lead.ownerId;
  if (!assigneeId) {
    throw new AppError("validation_error", "Say who the reminder is for.", {
      errors: [{ path: "assigneeId", message: "Required for an unassigned lead" }],
    });
  }
  await checkAssignee(ctx, assigneeId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reminders)
      .values({
        organizationId: ctx.orgId,
        leadId,
        assigneeId,
        message: input.message,
        dueAt: new Date(input.dueAt),
        createdById: ctx.actor.id,
      })
      .returning();
    await syncNextFollowUp(tx, ctx.orgId, leadId);
    await recordActivity(tx, ctx, leadId, "reminder_added", {
      reminderId: row!.id,
      dueAt: row!.dueAt.toISOString(),
      message: input.message.slice(0, 200),
    });
    await enqueueEvent(
      tx,
      reminderScheduled,
      { organizationId: ctx.orgId, reminderId: row!.id, dueAt: row!.dueAt.toISOString() },
      { organizationId: ctx.orgId },
    );
    return row!.id;
  });
  return toDto(await scopedReminder(ctx, id));
}

function dayBounds(tz: string, now = new Date()) {
  // Midnight today in `tz`, as an instant: format the local date, then find the offset.
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone: tz,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  const asUtc = new Date(`${local}T00:00:00Z`);
  const offsetMs =
    asUtc.getTime() - new Date(asUtc.toLocaleString("en-US", { timeZone: tz })).getTime();
  const start = new Date(asUtc.getTime() + offsetMs);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

/** Reminders on leads the caller can see: overdue, due today (in their time zone), upcoming. */
export async function listReminders(ctx: Ctx, query: z.infer<typeof listRemindersQuery>) {
  assertCan(ctx, "reminders:read");
  const tz = query.tz ?? "UTC";
  if (!isValidTimezone(tz))
    throw new AppError("validation_error", `Unknown time zone "${tz}"`, {
      errors: [{ path: "tz", message: "Unknown time zone" }],
    });
  const now = new Date();
  const { start, end } = dayBounds(tz, now);
  const assignee = query.assigneeId === "me" ? ctx.actor.userId : query.assigneeId;
  if (query.assigneeId && !assignee)
    throw new AppError("validation_error", "`me` needs a signed-in user", {
      errors: [{ path: "assigneeId", message: "API keys have no `me`" }],
    });
  if (assignee && !z.uuid().safeParse(assignee).success)
    throw new AppError("validation_error", "Invalid assigneeId", {
      errors: [{ path: "assigneeId", message: "A user id or `me`" }],
    });
  const due: Record<typeof query.due, SQL | undefined> = {
    overdue: lt(reminders.dueAt, now),
    // Still to come today: what already passed is overdue, so no reminder is in both lists.
    today: and(gte(reminders.dueAt, start > now ? start : now), lt(reminders.dueAt, end)),
    upcoming: gte(reminders.dueAt, end),
    all: undefined,
  };
  const rows = await ctx.db
    .select(columns)
    .from(reminders)
    .innerJoin(leads, eq(leads.id, reminders.leadId))
    .innerJoin(users, eq(users.id, reminders.assigneeId))
    .where(
      and(
        eq(reminders.organizationId, ctx.orgId),
        eq(reminders.status, query.status),
        due[query.due],
        assignee ? eq(reminders.assigneeId, assignee) : undefined,
        query.leadId ? eq(reminders.leadId, query.leadId) : undefined,
        await leadScope(ctx),
      ),
    )
    .orderBy(asc(reminders.dueAt))
    .limit(query.perPage);
  return { data: rows.map(toDto) };
}

export async function updateReminder(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof updateReminderInput>,
) {
  assertCan(ctx, "reminders:write");
  const before = await scopedReminder(ctx, id);
  if (input.assigneeId) await checkAssignee(ctx, input.assigneeId);
  const dueAt = input.snoozeMinutes
    ? new Date(Date.now() + input.snoozeMinutes * 60_000)
    : input.dueAt
      ? new Date(input.dueAt)
      : undefined;
  const status = input.status;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(reminders)
      .set({
        ...(input.message ? { message: input.message } : {}),
        ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
        ...(dueAt ? { dueAt, notifiedAt: null } : {}),
        ...(status ? { status, completedAt: status === "done" ? new Date() : null } : {}),
      })
      .where(and(eq(reminders.organizationId, ctx.orgId), eq(reminders.id, id)));
    await syncNextFollowUp(tx, ctx.orgId, before.reminder.leadId);
    const kind =
      status === "done"
        ? "reminder_completed"
        : input.snoozeMinutes
          ? "reminder_snoozed"
          : "reminder_updated";
    await recordActivity(tx, ctx, before.reminder.leadId, kind, {
      reminderId: id,
      dueAt: (dueAt ?? before.reminder.dueAt).toISOString(),
    });
    if (status === "done" && before.reminder.status !== "done") {
      // A follow-up done, credited to the member who did it (activity tracking).
      await recordOwnActivity(tx, ctx, {
        kind: "follow_up",
        leadId: before.reminder.leadId,
        data: { reminderId: id },
      });
    }
    // The pending notification job is cancelled; an open reminder gets a fresh one.
    await enqueueEvent(
      tx,
      reminderChanged,
      { organizationId: ctx.orgId, reminderId: id },
      { organizationId: ctx.orgId },
    );
    const stillOpen = (status ?? before.reminder.status) === "open";
    if (stillOpen && (dueAt || status === "open")) {
      await enqueueEvent(
        tx,
        reminderScheduled,
        {
          organizationId: ctx.orgId,
          reminderId: id,
          dueAt: (dueAt ?? before.reminder.dueAt).toISOString(),
        },
        { organizationId: ctx.orgId },
      );
    }
  });
  return toDto(await scopedReminder(ctx, id));
}

export async function deleteReminder(ctx: Ctx, id: string) {
  assertCan(ctx, "reminders:write");
  const before = await scopedReminder(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(reminders)
      .where(and(eq(reminders.organizationId, ctx.orgId), eq(reminders.id, id)));
    await syncNextFollowUp(tx, ctx.orgId, before.reminder.leadId);
    await recordActivity(tx, ctx, before.reminder.leadId, "reminder_deleted", { reminderId: id });
    await enqueueEvent(
      tx,
      reminderChanged,
      { organizationId: ctx.orgId, reminderId: id },
      { organizationId: ctx.orgId },
    );
  });
}

/**
 * Called by the job when a reminder's time comes: notify the assignee once — unless it was
 * completed, cancelled or moved meanwhile (then a newer job owns it).
 */
export async function notifyDueReminder(
  db: Database,
  reminderId: string,
  dueAt: string,
): Promise<"notified" | "stale"> {
  const [row] = await db
    .select({ reminder: reminders, leadName: leads.displayName })
    .from(reminders)
    .innerJoin(leads, eq(leads.id, reminders.leadId))
    .where(eq(reminders.id, reminderId));
  if (
    !row ||
    row.reminder.status !== "open" ||
    row.reminder.dueAt.toISOString() !== new Date(dueAt).toISOString()
  )
    return "stale";
  await db.transaction(async (tx) => {
    await createNotification(tx, {
      organizationId: row.reminder.organizationId,
      userId: row.reminder.assigneeId,
      type: "reminder_due",
      title: `Follow up with ${row.leadName}`,
      body: row.reminder.message,
      link: `/leads/${row.reminder.leadId}`,
      data: { reminderId, leadId: row.reminder.leadId },
      dedupeKey: `reminder:${reminderId}:${row.reminder.dueAt.toISOString()}`,
    });
    await tx.update(reminders).set({ notifiedAt: new Date() }).where(eq(reminders.id, reminderId));
  });
  return "notified";
}
