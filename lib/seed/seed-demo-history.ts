import { and, asc, eq, lt, min, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { leadActivities, leads, leadStatusChanges, reminders, userActivities } from "@/db/schema";
import { funnelStatuses } from "@/lib/analytics/analytics-context";
import { newId } from "@/lib/crypto/ids";
import { loadLeadOptions } from "@/lib/leads/lead-options";
import { seededRandom } from "./fake-leads";
import { planLeadHistory, type LeadHistory } from "./demo-lead-history";
import { backdateEarlierWrites } from "./backdate-demo-writes";
import { seedDemoThreads } from "./seed-demo-threads";

/**
 * Give the demo pipeline a past: the leads were created over the last six months, not all at
 * seed time, each moved through the statuses that led to its current one, was first contacted
 * (an email or a call) minutes to days after it came in, and often answered. Planned in
 * TypeScript from a seeded random, written set-based with explicit timestamps; then what the
 * earlier seed steps stamped "now" on these leads (notes, inquiries, follow-ups) is moved into
 * each lead's lifetime. Runs before anything else reads the leads' dates.
 */
export async function seedDemoHistory(tx: Transaction, orgId: string, repIds: string[]) {
  const random = seededRandom(20261127);
  const now = Date.now();
  const options = await loadLeadOptions(tx, orgId);
  const funnel = funnelStatuses(options.options.status);
  const pipeline = {
    open: funnel.filter((s) => s.category === "open").map((s) => s.value),
    won: funnel.filter((s) => s.category === "won").map((s) => s.value),
    lost: options.options.status.filter((s) => s.category === "lost").map((s) => s.value),
  };
  const rows = await tx
    .select({
      id: leads.id,
      status: leads.status,
      ownerId: leads.ownerId,
      email: leads.email,
      firstName: leads.firstName,
    })
    .from(leads)
    .where(eq(leads.organizationId, orgId))
    .orderBy(asc(leads.email));
  // A follow-up already overdue was set while the lead existed.
  const due = await tx
    .select({ leadId: reminders.leadId, at: min(reminders.dueAt) })
    .from(reminders)
    .where(and(eq(reminders.organizationId, orgId), lt(reminders.dueAt, new Date(now))))
    .groupBy(reminders.leadId);
  const dueBy = new Map(due.map((d) => [d.leadId, d.at]));
  let pooled = 0;
  const histories = rows.map((lead) =>
    planLeadHistory(
      random,
      { ...lead, createdBefore: dueBy.get(lead.id) ?? null },
      pipeline,
      () => repIds[pooled++ % repIds.length]!,
      now,
    ),
  );
  await writeLeadDates(tx, orgId, histories, pipeline);
  await writeStatusChanges(tx, orgId, histories);
  await writeCalls(tx, orgId, histories, random);
  await seedDemoThreads(tx, orgId, histories, rows, random);
  await backdateEarlierWrites(tx, orgId, now);
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Created, assigned, last updated, reached statuses, won/lost dates and last contact. */
async function writeLeadDates(
  tx: Transaction,
  orgId: string,
  histories: LeadHistory[],
  pipeline: { won: string[]; lost: string[] },
) {
  const payload = histories.map((h) => {
    const decided = h.changes.at(-1);
    const times = [h.createdAt, ...h.changes.map((c) => c.at), h.contact?.at, h.replyAt, h.answerAt]
      .filter((t): t is Date => Boolean(t))
      .map((t) => t.getTime());
    const contacts = [h.contact?.at, h.replyAt, h.answerAt].filter((t): t is Date => Boolean(t));
    return {
      id: h.id,
      created_at: h.createdAt.toISOString(),
      updated_at: new Date(Math.max(...times)).toISOString(),
      reached_statuses: h.reached,
      won_at: decided && pipeline.won.includes(decided.to) ? decided.at.toISOString() : null,
      lost_at: decided && pipeline.lost.includes(decided.to) ? decided.at.toISOString() : null,
      last_contacted_at: contacts.length ? contacts.at(-1)!.toISOString() : null,
    };
  });
  // The status stays as it is, so the outcome-date trigger keeps these won/lost dates.
  await tx.execute(sql`
    update leads set created_at = v.created_at, updated_at = v.updated_at,
           assigned_at = case when leads.owner_id is null then null else v.created_at end,
           reached_statuses = v.reached_statuses, won_at = v.won_at, lost_at = v.lost_at,
           last_contacted_at = v.last_contacted_at
      from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(
        id uuid, created_at timestamptz, updated_at timestamptz, reached_statuses text[],
        won_at timestamptz, lost_at timestamptz, last_contacted_at timestamptz)
     where leads.organization_id = ${orgId} and leads.id = v.id`);
}

/** The status history and its timeline entries, by whoever worked the lead. */
async function writeStatusChanges(tx: Transaction, orgId: string, histories: LeadHistory[]) {
  const changes = histories.flatMap((h) =>
    h.changes.map((c) => ({ lead: h.id, userId: h.contact!.userId, ...c })),
  );
  await insertChunked(changes, (chunk) =>
    tx.insert(leadStatusChanges).values(
      chunk.map((c) => ({
        organizationId: orgId,
        leadId: c.lead,
        fromStatus: c.from,
        toStatus: c.to,
        changedAt: c.at,
        createdAt: c.at,
        updatedAt: c.at,
      })),
    ),
  );
  await insertChunked(changes, (chunk) =>
    tx.insert(leadActivities).values(
      chunk.map((c) => ({
        organizationId: orgId,
        leadId: c.lead,
        type: "status_changed",
        actorType: "user" as const,
        actorId: c.userId,
        data: { from: c.from, to: c.to },
        occurredAt: c.at,
        createdAt: c.at,
        updatedAt: c.at,
      })),
    ),
  );
}

/** First contacts by phone: the rep's logged call, on the team's activity and the timeline. */
async function writeCalls(
  tx: Transaction,
  orgId: string,
  histories: LeadHistory[],
  random: () => number,
) {
  const calls = histories
    .filter((h) => h.contact?.channel === "call")
    .map((h) => {
      const connected = random() < 0.7;
      return {
        id: newId(),
        organizationId: orgId,
        userId: h.contact!.userId,
        kind: "call" as const,
        leadId: h.id,
        outcome: connected ? "connected" : "voicemail",
        durationSeconds: connected
          ? 120 + Math.floor(random() * 900)
          : 20 + Math.floor(random() * 30),
        notes: connected ? "Intro call: what they are looking for and when" : null,
        occurredAt: h.contact!.at,
        createdAt: h.contact!.at,
        updatedAt: h.contact!.at,
      };
    });
  if (!calls.length) return;
  await tx.insert(userActivities).values(calls);
  await tx.insert(leadActivities).values(
    calls.map((c) => ({
      organizationId: orgId,
      leadId: c.leadId,
      type: "call_logged",
      actorType: "user" as const,
      actorId: c.userId,
      data: {
        callId: c.id,
        outcome: c.outcome,
        durationSeconds: c.durationSeconds,
        notes: c.notes,
      },
      occurredAt: c.occurredAt,
      createdAt: c.occurredAt,
      updatedAt: c.occurredAt,
    })),
  );
}
